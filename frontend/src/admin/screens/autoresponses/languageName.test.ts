import { describe, expect, it } from "vitest";
import { languageName } from "./languageName";

describe("languageName", () => {
  it("names a language in the admin's language", () => {
    expect(languageName("de", "en")).toBe("German");
    expect(languageName("zh", "en")).toBe("Chinese");
    expect(languageName("fr", "zh-CN")).toBe("法语");
  });

  it("answers the code itself when it is not a language tag", () => {
    expect(languageName("not a tag", "en")).toBe("not a tag");
  });
});

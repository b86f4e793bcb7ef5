import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../shared/language";
import { badgeText, LOADER_STRINGS, unreadText } from "./strings";

describe("loader strings", () => {
  it.each(LANGUAGES)("%s has the launcher's name and both unread forms", (language) => {
    const strings = LOADER_STRINGS[language];
    expect(strings.open.trim()).not.toBe("");
    expect(strings.unreadOne).toContain("1");
    expect(strings.unreadMany).toContain("{count}");
  });

  it("says how many are unread", () => {
    expect(unreadText(LOADER_STRINGS.en, 1)).toBe("1 unread message");
    expect(unreadText(LOADER_STRINGS.en, 3)).toBe("3 unread messages");
    expect(unreadText(LOADER_STRINGS["zh-CN"], 12)).toBe("12 条未读消息");
  });

  it("caps the badge at 9+", () => {
    expect([badgeText(1), badgeText(9), badgeText(10)]).toEqual(["1", "9", "9+"]);
  });
});

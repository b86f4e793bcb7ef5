import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../shared/language";
import { placeholders } from "../format";
import { en } from "./en";
import { PANEL_STRINGS } from "./index";

describe("panel strings", () => {
  const keys = Object.keys(en).sort();

  it.each(LANGUAGES)("%s has every key, each non-empty with the same {placeholders} as English", (language) => {
    const strings = PANEL_STRINGS[language] as Record<string, string>;
    expect(Object.keys(strings).sort()).toEqual(keys);
    for (const key of keys) {
      expect(strings[key]?.trim(), `${language}.${key}`).not.toBe("");
      expect(placeholders(strings[key] ?? ""), `${language}.${key}`).toEqual(placeholders((en as Record<string, string>)[key] ?? ""));
    }
  });

  it.each(LANGUAGES.filter((language) => language !== "en"))("%s is translated, not copied from English", (language) => {
    const strings = PANEL_STRINGS[language] as Record<string, string>;
    const same = keys.filter((key) => strings[key] === (en as Record<string, string>)[key]);
    // A few words are the same in several languages ("Status", "Messages", "Email (optional)").
    expect(same.length, same.join(", ")).toBeLessThan(8);
  });
});

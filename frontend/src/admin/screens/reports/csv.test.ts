import { describe, expect, it } from "vitest";
import { csvFilename } from "./csv";

describe("csvFilename", () => {
  it.each([
    ['attachment; filename="support-report-2026-02-01-2026-03-01.csv"', "support-report-2026-02-01-2026-03-01.csv"],
    ["attachment; filename=report.csv", "report.csv"],
    ["attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv", "résumé.csv"],
    ['attachment; filename="../../etc/passwd"', "passwd"],
  ])("%s -> %s", (header, name) => {
    expect(csvFilename(header)).toBe(name);
  });

  it("is null without a name", () => {
    expect(csvFilename(null)).toBeNull();
    expect(csvFilename("attachment")).toBeNull();
    expect(csvFilename('attachment; filename=""')).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { makeI18n } from "../../i18n";
import { deadlineOf, durationParts, formatCountdown, formatDuration, slaTone } from "./sla";

const NOW = new Date("2026-05-01T12:00:00Z");
const at = (iso: string) => new Date(iso);

describe("slaTone", () => {
  it("is critical once the deadline has passed, or is now", () => {
    expect(slaTone(at("2026-05-01T11:59:00Z"), NOW)).toBe("critical");
    expect(slaTone(NOW, NOW)).toBe("critical");
  });

  it("is warning under 15 minutes left, whatever the share", () => {
    expect(slaTone(at("2026-05-01T12:14:59Z"), NOW)).toBe("warning");
    expect(slaTone(at("2026-05-01T12:14:59Z"), NOW, at("2026-05-01T12:00:00Z"))).toBe("warning");
  });

  it("is warning under a quarter of the time allowed left", () => {
    // 4 h allowed, 59 min left
    expect(slaTone(at("2026-05-01T12:59:00Z"), NOW, at("2026-05-01T08:59:00Z"))).toBe("warning");
    // 4 h allowed, exactly a quarter left
    expect(slaTone(at("2026-05-01T13:00:00Z"), NOW, at("2026-05-01T09:00:00Z"))).toBe("success");
  });

  it("is success with 15 minutes or more left and no start known", () => {
    expect(slaTone(at("2026-05-01T12:15:00Z"), NOW)).toBe("success");
    expect(slaTone(at("2026-05-01T12:20:00Z"), NOW, null)).toBe("success");
  });
});

describe("deadlineOf", () => {
  it("prefers the answer due, started when the shopper began waiting", () => {
    expect(
      deadlineOf({ response_due_at: "2026-05-01T13:00:00Z", resolution_due_at: "2026-05-02T12:00:00Z", waiting_since: "2026-05-01T11:00:00Z" }),
    ).toEqual({ kind: "response", dueAt: at("2026-05-01T13:00:00Z"), startedAt: at("2026-05-01T11:00:00Z") });
  });

  it("falls back to the resolution, else none", () => {
    expect(deadlineOf({ response_due_at: null, resolution_due_at: "2026-05-02T12:00:00Z", waiting_since: null })).toEqual({
      kind: "resolution",
      dueAt: at("2026-05-02T12:00:00Z"),
      startedAt: null,
    });
    expect(deadlineOf({ response_due_at: null, resolution_due_at: null, waiting_since: null })).toBeNull();
  });
});

describe("durations", () => {
  it("splits into whole days, hours and minutes", () => {
    expect(durationParts(((26 * 60 + 5) * 60 + 59) * 1000)).toEqual({ days: 1, hours: 2, minutes: 5 });
    expect(durationParts(-90_000)).toEqual({ days: 0, hours: 0, minutes: 1 });
  });

  it("formats in English and Chinese", () => {
    const en = makeI18n("en").t;
    const zh = makeI18n("zh-CN").t;
    expect(formatDuration(30_000, en)).toBe("< 1 min");
    expect(formatDuration(12 * 60_000, en)).toBe("12 min");
    expect(formatDuration(125 * 60_000, en)).toBe("2 h 5 min");
    expect(formatDuration((3 * 1440 + 4 * 60) * 60_000, en)).toBe("3 d 4 h");
    expect(formatDuration(125 * 60_000, zh)).toBe("2 小时 5 分钟");
  });

  it("counts down, then counts the delay", () => {
    const t = makeI18n("en").t;
    expect(formatCountdown(at("2026-05-01T12:12:00Z"), NOW, t)).toBe("12 min left");
    expect(formatCountdown(at("2026-05-01T11:55:00Z"), NOW, t)).toBe("Overdue by 5 min");
  });
});

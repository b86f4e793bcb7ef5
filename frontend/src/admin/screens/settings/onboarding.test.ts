import { describe, expect, it } from "vitest";
import { doneCount, marksKey, parseMarks, stepDone } from "./onboarding";

describe("stepDone", () => {
  it("reads hours and the FAQ from the facts, the rest from the marks", () => {
    const facts = { hoursSet: true, faqCount: 0, marks: { creditPolicy: true } };
    expect(stepDone("hours", facts)).toBe(true);
    expect(stepDone("faq", facts)).toBe(false);
    expect(stepDone("chatEmbed", facts)).toBe(false);
    expect(stepDone("creditPolicy", facts)).toBe(true);
    expect(doneCount(facts)).toBe(2);
  });

  it("says unknown when the API could not be read", () => {
    const facts = { hoursSet: null, faqCount: null, marks: {} };
    expect(stepDone("hours", facts)).toBeNull();
    expect(stepDone("faq", facts)).toBeNull();
    expect(doneCount(facts)).toBe(0);
    expect(doneCount({ hoursSet: true, faqCount: 3, marks: { chatEmbed: true, creditPolicy: true } })).toBe(4);
  });

  it("says still checking while loading", () => {
    const facts = { hoursSet: undefined, faqCount: undefined, marks: {} };
    expect(stepDone("hours", facts)).toBeUndefined();
    expect(stepDone("faq", facts)).toBeUndefined();
  });
});

describe("marks", () => {
  it("are kept per shop", () => {
    expect(marksKey("demo-store.myshopify.com")).toBe("support-app.onboarding.demo-store.myshopify.com");
  });

  it("parse only true ticks of known steps", () => {
    expect(parseMarks('{"chatEmbed": true, "creditPolicy": "yes", "other": true}')).toEqual({ chatEmbed: true });
    expect(parseMarks("not json")).toEqual({});
    expect(parseMarks("null")).toEqual({});
    expect(parseMarks(null)).toEqual({});
  });
});

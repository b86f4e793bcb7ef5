import { describe, expect, it } from "vitest";
import {
  cleanQuestion,
  draftFromEntry,
  emptyDraft,
  faqBody,
  hasFaqErrors,
  percent,
  validateFaq,
  type FaqDraft,
} from "./faqForm";

const draft = (overrides: Partial<FaqDraft> = {}): FaqDraft => ({
  questions: ["Do you ship to Canada?", "shipping to canada"],
  answer: "Yes, in 5-8 business days.",
  language: "en",
  enabled: true,
  ...overrides,
});

describe("validateFaq", () => {
  it("accepts a complete draft", () => {
    const errors = validateFaq(draft());
    expect(errors).toEqual({ questions: {} });
    expect(hasFaqErrors(errors)).toBe(false);
  });

  it("needs a question and an answer", () => {
    expect(validateFaq(emptyDraft())).toEqual({
      questions: {},
      questionList: "autoresponses.faq.error.noQuestions",
      answer: "autoresponses.faq.error.noAnswer",
    });
  });

  it("flags a repeated way to ask (case and spaces aside) and a long one at their index", () => {
    const errors = validateFaq(draft({ questions: ["Gift wrap?", "", "gift   WRAP?", "x".repeat(301)] }));
    expect(errors.questions).toEqual({
      2: "autoresponses.faq.error.duplicate",
      3: "autoresponses.faq.error.questionTooLong",
    });
  });

  it("limits the number of questions and the answer's length", () => {
    const many = Array.from({ length: 21 }, (_, i) => `question ${i}`);
    expect(validateFaq(draft({ questions: many })).questionList).toBe("autoresponses.faq.error.tooManyQuestions");
    expect(validateFaq(draft({ answer: "a".repeat(2001) })).answer).toBe("autoresponses.faq.error.answerTooLong");
  });
});

describe("faqBody", () => {
  it("drops blank ways to ask, collapses spaces, trims the answer", () => {
    expect(faqBody(draft({ questions: ["  Do you  ship\tto Canada? ", " ", ""], answer: "  Yes.\n" }))).toEqual({
      questions: ["Do you ship to Canada?"],
      answer: "Yes.",
      language: "en",
      enabled: true,
    });
  });
});

describe("drafts", () => {
  it("starts from an entry, or with one empty question", () => {
    expect(
      draftFromEntry({
        id: "9007199254740993",
        language: "",
        questions: ["Gift wrap?"],
        answer: "Yes.",
        enabled: false,
        created_at: "2026-01-01T00:00:00Z",
        updated_at: "2026-01-01T00:00:00Z",
      }),
    ).toEqual({ questions: ["Gift wrap?"], answer: "Yes.", language: "", enabled: false });
    expect(emptyDraft()).toEqual({ questions: [""], answer: "", language: "", enabled: true });
  });

  it("cleans a question like the server", () => {
    expect(cleanQuestion("  a \n b ")).toBe("a b");
  });

  it("shows scores as whole percentage points", () => {
    expect(percent(0.8234)).toBe(82);
    expect(percent(0.155)).toBe(16);
  });
});

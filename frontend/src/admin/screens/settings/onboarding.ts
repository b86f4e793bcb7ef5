/**
 * The onboarding checklist: which steps are done. Business hours and the FAQ are read from the API;
 * whether the chat embed is on in the theme, and whether the credit policy was reviewed, the API
 * cannot tell, so the merchant ticks them off and the tick is kept in this browser (per shop).
 */

export type StepId = "chatEmbed" | "hours" | "faq" | "creditPolicy";
export const STEPS: StepId[] = ["chatEmbed", "hours", "faq", "creditPolicy"];

/** Steps the merchant ticks off by hand. */
export type MarkedStep = "chatEmbed" | "creditPolicy";
export type Marks = Partial<Record<MarkedStep, boolean>>;

export interface StepFacts {
  /**
   * The shop's hours differ from the always-open hours of a shop that never set any;
   * undefined: still loading; null: unknown (the API could not be read).
   */
  hoursSet: boolean | null | undefined;
  /** How many FAQ entries; undefined: still loading; null: unknown. */
  faqCount: number | null | undefined;
  marks: Marks;
}

/** undefined: still being checked; null: not known (the API could not be read). */
export function stepDone(step: StepId, facts: StepFacts): boolean | null | undefined {
  switch (step) {
    case "hours":
      return facts.hoursSet;
    case "faq":
      return facts.faqCount === null || facts.faqCount === undefined ? facts.faqCount : facts.faqCount > 0;
    default:
      return facts.marks[step] === true;
  }
}

export function doneCount(facts: StepFacts): number {
  return STEPS.filter((step) => stepDone(step, facts) === true).length;
}

export function marksKey(shopDomain: string): string {
  return `support-app.onboarding.${shopDomain}`;
}

/** Stored marks, ignoring anything that is not one. */
export function parseMarks(stored: string | null): Marks {
  if (stored === null) return {};
  try {
    const value = JSON.parse(stored) as unknown;
    if (typeof value !== "object" || value === null) return {};
    const record = value as Record<string, unknown>;
    const marks: Marks = {};
    if (record.chatEmbed === true) marks.chatEmbed = true;
    if (record.creditPolicy === true) marks.creditPolicy = true;
    return marks;
  } catch {
    return {};
  }
}

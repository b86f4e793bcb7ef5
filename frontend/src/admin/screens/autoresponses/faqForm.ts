/**
 * FAQ entries as plain values (`/api/admin/faq`, see support/api/faq.py): the draft being edited,
 * checked before anything is sent, and the body sent. The limits are the API's (support/rules/faq.py):
 * 1 to 20 ways to ask, 300 characters each, an answer of at most 2,000 characters.
 */

export const LANGUAGES = ["en", "es", "fr", "de", "pt", "it", "nl", "zh"] as const;
export const MAX_QUESTIONS = 20;
export const MAX_QUESTION_LENGTH = 300;
export const MAX_ANSWER_LENGTH = 2000;

export interface FaqEntry {
  id: string;
  /** "" answers in any language. */
  language: string;
  questions: string[];
  answer: string;
  enabled: boolean;
  created_at: string;
  updated_at: string;
}

export interface FaqDraft {
  questions: string[];
  answer: string;
  language: string;
  enabled: boolean;
}

export type FaqError =
  | "autoresponses.faq.error.noQuestions"
  | "autoresponses.faq.error.questionTooLong"
  | "autoresponses.faq.error.duplicate"
  | "autoresponses.faq.error.tooManyQuestions"
  | "autoresponses.faq.error.noAnswer"
  | "autoresponses.faq.error.answerTooLong";

export interface FaqErrors {
  /** Keyed by the question's index in the draft. */
  questions: Record<number, FaqError>;
  /** A problem of the questions as a whole. */
  questionList?: FaqError;
  answer?: FaqError;
}

export function emptyDraft(): FaqDraft {
  return { questions: [""], answer: "", language: "", enabled: true };
}

export function draftFromEntry(entry: FaqEntry): FaqDraft {
  return {
    questions: entry.questions.length > 0 ? [...entry.questions] : [""],
    answer: entry.answer,
    language: entry.language,
    enabled: entry.enabled,
  };
}

/** White space collapsed, as the server stores a question. */
export function cleanQuestion(question: string): string {
  return question.split(/\s+/).filter(Boolean).join(" ");
}

export function validateFaq(draft: FaqDraft): FaqErrors {
  const errors: FaqErrors = { questions: {} };
  const seen = new Set<string>();
  let filled = 0;
  draft.questions.forEach((question, index) => {
    const clean = cleanQuestion(question);
    if (clean === "") return;
    filled += 1;
    const folded = clean.toLocaleLowerCase();
    if (clean.length > MAX_QUESTION_LENGTH) errors.questions[index] = "autoresponses.faq.error.questionTooLong";
    else if (seen.has(folded)) errors.questions[index] = "autoresponses.faq.error.duplicate";
    seen.add(folded);
  });
  if (filled === 0) errors.questionList = "autoresponses.faq.error.noQuestions";
  else if (filled > MAX_QUESTIONS) errors.questionList = "autoresponses.faq.error.tooManyQuestions";
  const answer = draft.answer.trim();
  if (answer === "") errors.answer = "autoresponses.faq.error.noAnswer";
  else if (answer.length > MAX_ANSWER_LENGTH) errors.answer = "autoresponses.faq.error.answerTooLong";
  return errors;
}

export function hasFaqErrors(errors: FaqErrors): boolean {
  return (
    Object.keys(errors.questions).length > 0 || errors.questionList !== undefined || errors.answer !== undefined
  );
}

/** The POST / PUT body: blank ways to ask left out, white space collapsed, the answer trimmed. */
export function faqBody(draft: FaqDraft) {
  return {
    questions: draft.questions.map(cleanQuestion).filter((question) => question !== ""),
    answer: draft.answer.trim(),
    language: draft.language,
    enabled: draft.enabled,
  };
}

/** POST /api/admin/faq/test */
export interface FaqTestResult {
  language: string;
  intent: string | null;
  outcome: "answered" | "ambiguous" | "no_match" | "no_entries";
  match: { id: string; question: string; answer: string; score: number; runner_up: number } | null;
  candidates: { id: string; question: string; score: number }[];
  min_score: number;
  min_margin: number;
}

/** 0.8234 -> 82 (a score or a margin as whole percentage points). */
export function percent(score: number): number {
  return Math.round(score * 100);
}

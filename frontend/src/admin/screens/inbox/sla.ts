/**
 * SLA countdowns and waiting times: pure rules over plain dates.
 *
 * Tone of a deadline: "critical" once it has passed, "warning" when less than
 * a quarter of the time allowed is left or less than 15 minutes, else "success".
 */
import type { ConversationSummary } from "./types";

export type SlaTone = "critical" | "warning" | "success";

export const WARNING_MINUTES = 15;
export const WARNING_SHARE = 0.25;

const MINUTE = 60_000;

/** `startedAt`: when the clock started (the shopper's waiting since), to know the share left. */
export function slaTone(dueAt: Date, now: Date, startedAt?: Date | null): SlaTone {
  const left = dueAt.getTime() - now.getTime();
  if (left <= 0) return "critical";
  if (left < WARNING_MINUTES * MINUTE) return "warning";
  if (startedAt) {
    const allowed = dueAt.getTime() - startedAt.getTime();
    if (allowed > 0 && left < allowed * WARNING_SHARE) return "warning";
  }
  return "success";
}

export interface Deadline {
  /** "response": an answer is due; "resolution": the conversation should be resolved. */
  kind: "response" | "resolution";
  dueAt: Date;
  startedAt: Date | null;
}

function date(iso: string | null): Date | null {
  if (!iso) return null;
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? null : value;
}

/** The deadline to show for a conversation: the answer due first, else the resolution. */
export function deadlineOf(
  conversation: Pick<ConversationSummary, "response_due_at" | "resolution_due_at" | "waiting_since">,
): Deadline | null {
  const response = date(conversation.response_due_at);
  if (response) return { kind: "response", dueAt: response, startedAt: date(conversation.waiting_since) };
  const resolution = date(conversation.resolution_due_at);
  if (resolution) return { kind: "resolution", dueAt: resolution, startedAt: null };
  return null;
}

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

/** Whole days, hours and minutes of a span (its absolute value, rounded down to the minute). */
export function durationParts(ms: number): DurationParts {
  const total = Math.floor(Math.abs(ms) / MINUTE);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** "3 d 4 h", "2 h 5 min", "12 min", "< 1 min" (in the admin's language). */
export function formatDuration(ms: number, t: Translate): string {
  const { days, hours, minutes } = durationParts(ms);
  if (days > 0) return t("inbox.duration.days", { days, hours });
  if (hours > 0) return t("inbox.duration.hours", { hours, minutes });
  if (minutes > 0) return t("inbox.duration.minutes", { minutes });
  return t("inbox.duration.lessThanMinute");
}

/** "12 min left" or "Overdue by 5 min". */
export function formatCountdown(dueAt: Date, now: Date, t: Translate): string {
  const left = dueAt.getTime() - now.getTime();
  const span = formatDuration(left, t);
  return left > 0 ? t("inbox.sla.left", { span }) : t("inbox.sla.overdue", { span });
}

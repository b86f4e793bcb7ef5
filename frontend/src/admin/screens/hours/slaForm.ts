/**
 * The SLA targets form as plain values (`/api/admin/settings/sla`, see support/api/sla.py): per
 * priority tier A (urgent), B, C (general) three targets in minutes and whether they count
 * business hours. The form edits each target as an amount and a unit; the body sends only the
 * tiers that changed, `null` for a tier restored to the app's defaults.
 *
 * The escalation ladder after a missed response target is fixed by the app (`LADDER` and
 * `LADDER_AFTER` in support/rules/sla.py): the screen shows when each step comes.
 */

export const TIERS = ["A", "B", "C"] as const;
export type Tier = (typeof TIERS)[number];

export const TARGETS = ["first_response_minutes", "next_response_minutes", "resolution_minutes"] as const;
export type Target = (typeof TARGETS)[number];

/** 60 days, as support.rules.sla.MAX_TARGET_MINUTES. */
export const MAX_TARGET_MINUTES = 60 * 24 * 60;

export type Unit = "minutes" | "hours" | "days";
export const UNITS: Unit[] = ["minutes", "hours", "days"];
const UNIT_MINUTES: Record<Unit, number> = { minutes: 1, hours: 60, days: 60 * 24 };

export interface TierState {
  first_response_minutes: number;
  next_response_minutes: number;
  resolution_minutes: number;
  business_hours: boolean;
  default: boolean;
}

/** GET /api/admin/settings/sla */
export type SlaState = Record<Tier, TierState>;

export interface Amount {
  amount: string;
  unit: Unit;
}

export interface TierForm {
  targets: Record<Target, Amount>;
  businessHours: boolean;
  /** Send `null` for this tier: back to the app's defaults. */
  restore: boolean;
}

export type SlaForm = Record<Tier, TierForm>;

/** The largest unit that shows `minutes` as a whole number: 90 -> 90 minutes, 120 -> 2 hours. */
export function splitMinutes(minutes: number): Amount {
  for (const unit of ["days", "hours"] as const) {
    if (minutes % UNIT_MINUTES[unit] === 0) return { amount: String(minutes / UNIT_MINUTES[unit]), unit };
  }
  return { amount: String(minutes), unit: "minutes" };
}

/** The whole minutes of an amount, or null when it is not a positive whole number. */
export function toMinutes({ amount, unit }: Amount): number | null {
  const text = amount.trim();
  if (!/^\d+$/.test(text)) return null;
  const minutes = Number(text) * UNIT_MINUTES[unit];
  return minutes >= 1 ? minutes : null;
}

export function formFromSla(state: SlaState): SlaForm {
  const form = {} as SlaForm;
  for (const tier of TIERS) {
    const targets = {} as Record<Target, Amount>;
    for (const target of TARGETS) targets[target] = splitMinutes(state[tier][target]);
    form[tier] = { targets, businessHours: state[tier].business_hours, restore: false };
  }
  return form;
}

/** i18n keys (area `hours.`) of a target's error. */
export type SlaError = "hours.sla.error.whole" | "hours.sla.error.max";

/** Errors keyed "A.first_response_minutes", as the server's field errors are. */
export function validateSla(form: SlaForm): Record<string, SlaError> {
  const errors: Record<string, SlaError> = {};
  for (const tier of TIERS) {
    if (form[tier].restore) continue;
    for (const target of TARGETS) {
      const minutes = toMinutes(form[tier].targets[target]);
      if (minutes === null) errors[`${tier}.${target}`] = "hours.sla.error.whole";
      else if (minutes > MAX_TARGET_MINUTES) errors[`${tier}.${target}`] = "hours.sla.error.max";
    }
  }
  return errors;
}

function tierBody(tier: TierForm) {
  return {
    first_response_minutes: toMinutes(tier.targets.first_response_minutes),
    next_response_minutes: toMinutes(tier.targets.next_response_minutes),
    resolution_minutes: toMinutes(tier.targets.resolution_minutes),
    business_hours: tier.businessHours,
  };
}

function sameAsState(body: ReturnType<typeof tierBody>, state: TierState): boolean {
  return TARGETS.every((target) => body[target] === state[target]) && body.business_hours === state.business_hours;
}

/**
 * The PUT body: the tiers whose values differ from `state` (a tier restored to defaults as null,
 * only if it is not already on them). Empty when nothing changed. Call after `validateSla`.
 */
export function slaBody(form: SlaForm, state: SlaState): Partial<Record<Tier, ReturnType<typeof tierBody> | null>> {
  const body: Partial<Record<Tier, ReturnType<typeof tierBody> | null>> = {};
  for (const tier of TIERS) {
    if (form[tier].restore) {
      if (!state[tier].default) body[tier] = null;
      continue;
    }
    const values = tierBody(form[tier]);
    if (!sameAsState(values, state[tier])) body[tier] = values;
  }
  return body;
}

export const LADDER = [
  { step: "notify_assignee", share: 0 },
  { step: "notify_supervisors", share: 0.25 },
  { step: "reassign_online", share: 0.5 },
  { step: "raise_priority", share: 1 },
] as const;

export type LadderStep = (typeof LADDER)[number]["step"];

/** When each escalation step comes after a missed response target of `targetMinutes`. */
export function ladderFor(targetMinutes: number): { step: LadderStep; afterMinutes: number }[] {
  return LADDER.map(({ step, share }) => ({ step, afterMinutes: Math.round(targetMinutes * share) }));
}

/** 1590 -> {days: 1, hours: 2, minutes: 30}. */
export function durationParts(minutes: number): { days: number; hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(minutes));
  return {
    days: Math.floor(whole / (60 * 24)),
    hours: Math.floor((whole % (60 * 24)) / 60),
    minutes: whole % 60,
  };
}

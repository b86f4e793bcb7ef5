/**
 * GET /api/admin/reports (support/api/reports.py, support/selectors/reports.py) and
 * GET /api/admin/credit/reports (support/api/credit_reports.py). Durations are seconds, ratios
 * 0-1 (null: nothing to divide), money decimal strings with their currency.
 */
export interface Figures {
  conversations: number;
  resolved: number;
  resolution_rate: number | null;
  first_responses: number;
  first_response_median_seconds: number | null;
  first_response_p90_seconds: number | null;
  resolution_median_seconds: number | null;
  resolution_p90_seconds: number | null;
  bot_contained: number;
  containment_rate: number | null;
  csat_asked: number;
  csat_rated: number;
  csat_response_rate: number | null;
  csat_score: number | null;
  csat_mean: number | null;
  sla_hits: number;
  sla_breaches: number;
  sla_compliance: number | null;
}

export interface PeriodFigures extends Figures {
  /** The bucket's first day, YYYY-MM-DD. */
  period: string;
}

export interface SlaTarget {
  target: string;
  hits: number;
  breaches: number;
  compliance: number | null;
  warnings: number;
  escalations: number;
}

export interface CreditFigures {
  currency: string;
  count: number;
  amount: string;
}

export interface AgentFigures {
  agent_id: string;
  agent: string;
  conversations: number;
  resolved: number;
  first_responses: number;
  first_response_median_seconds: number | null;
  csat_rated: number;
  csat_score: number | null;
  csat_mean: number | null;
}

export type Group = "day" | "week" | "month";

export interface SupportReport {
  from: string;
  to: string;
  group: Group;
  timezone: string;
  agent_id: string | null;
  summary: Figures;
  series: PeriodFigures[];
  sla: SlaTarget[];
  volume: {
    by_channel: { channel: string; conversations: number }[];
    by_intent: { intent: string | null; conversations: number }[];
    by_hour: { hour: number; conversations: number }[];
    by_weekday: { weekday: string; conversations: number }[];
  };
  credits: { totals: CreditFigures[]; series: (CreditFigures & { period: string })[] };
  agents: AgentFigures[];
}

export interface CreditReport {
  /** YYYY-MM */
  from: string;
  to: string;
  timezone: string;
  by_reason: (CreditFigures & { reason: string })[];
  by_agent: (CreditFigures & { agent_id: string | null; agent: string })[];
  by_month: (CreditFigures & { month: string })[];
  totals: (CreditFigures & { revenue: string | null; revenue_share: string | null })[];
  pending_approvals: { count: number; oldest_requested_at: string | null };
}

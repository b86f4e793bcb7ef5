/** Tests only: a support report and a credit report as the API sends them. */
import type { CreditReport, Figures, PeriodFigures, SupportReport } from "./types";

export const EMPTY_FIGURES: Figures = {
  conversations: 0,
  resolved: 0,
  resolution_rate: null,
  first_responses: 0,
  first_response_median_seconds: null,
  first_response_p90_seconds: null,
  resolution_median_seconds: null,
  resolution_p90_seconds: null,
  bot_contained: 0,
  containment_rate: null,
  csat_asked: 0,
  csat_rated: 0,
  csat_response_rate: null,
  csat_score: null,
  csat_mean: null,
  sla_hits: 0,
  sla_breaches: 0,
  sla_compliance: null,
};

const DAY_ONE: PeriodFigures = {
  period: "2026-02-28",
  conversations: 12,
  resolved: 9,
  resolution_rate: 0.75,
  first_responses: 10,
  first_response_median_seconds: 750,
  first_response_p90_seconds: 5400,
  resolution_median_seconds: 7200,
  resolution_p90_seconds: 90000,
  bot_contained: 3,
  containment_rate: 0.3333,
  csat_asked: 8,
  csat_rated: 4,
  csat_response_rate: 0.5,
  csat_score: 0.75,
  csat_mean: 4.25,
  sla_hits: 9,
  sla_breaches: 1,
  sla_compliance: 0.9,
};

export const SUPPORT_REPORT: SupportReport = {
  from: "2026-02-28",
  to: "2026-03-02",
  group: "day",
  timezone: "America/New_York",
  agent_id: null,
  summary: {
    conversations: 12,
    resolved: 9,
    resolution_rate: 0.75,
    first_responses: 10,
    first_response_median_seconds: 750,
    first_response_p90_seconds: 5400,
    resolution_median_seconds: 7200,
    resolution_p90_seconds: 90000,
    bot_contained: 3,
    containment_rate: 0.3333,
    csat_asked: 8,
    csat_rated: 4,
    csat_response_rate: 0.5,
    csat_score: 0.75,
    csat_mean: 4.25,
    sla_hits: 9,
    sla_breaches: 1,
    sla_compliance: 0.9,
  },
  series: [DAY_ONE, { ...EMPTY_FIGURES, period: "2026-03-01" }],
  sla: [
    { target: "first_response", hits: 6, breaches: 1, compliance: 0.8571, warnings: 2, escalations: 1 },
    { target: "next_response", hits: 0, breaches: 0, compliance: null, warnings: 0, escalations: 0 },
    { target: "resolution", hits: 3, breaches: 0, compliance: 1, warnings: 0, escalations: 0 },
  ],
  volume: {
    by_channel: [
      { channel: "chat", conversations: 10 },
      { channel: "email", conversations: 2 },
    ],
    by_intent: [{ intent: "wismo", conversations: 7 }],
    by_hour: [],
    by_weekday: [],
  },
  credits: {
    totals: [
      { currency: "EUR", count: 1, amount: "15.00" },
      { currency: "USD", count: 2, amount: "35.50" },
    ],
    series: [
      { period: "2026-02-28", currency: "EUR", count: 1, amount: "15.00" },
      { period: "2026-02-28", currency: "USD", count: 1, amount: "10.50" },
      { period: "2026-03-01", currency: "USD", count: 1, amount: "25.00" },
    ],
  },
  agents: [
    {
      agent_id: "30",
      agent: "Sam Agent",
      conversations: 8,
      resolved: 6,
      first_responses: 7,
      first_response_median_seconds: 600,
      csat_rated: 3,
      csat_score: 0.6667,
      csat_mean: 4,
    },
  ],
};

export const CREDIT_REPORT: CreditReport = {
  from: "2026-01",
  to: "2026-03",
  timezone: "America/New_York",
  by_reason: [
    { reason: "late_delivery", currency: "USD", count: 3, amount: "45.50" },
    { reason: "damaged_item", currency: "EUR", count: 1, amount: "15.00" },
  ],
  by_agent: [
    { agent_id: "30", agent: "Sam Agent", currency: "USD", count: 2, amount: "30.00" },
    { agent_id: null, agent: "app", currency: "USD", count: 1, amount: "15.50" },
  ],
  by_month: [
    { month: "2026-01", currency: "USD", count: 1, amount: "10.00" },
    { month: "2026-03", currency: "USD", count: 2, amount: "35.50" },
    { month: "2026-03", currency: "EUR", count: 1, amount: "15.00" },
  ],
  totals: [
    { currency: "EUR", count: 1, amount: "15.00", revenue: "1500.00", revenue_share: "0.0100" },
    { currency: "USD", count: 3, amount: "45.50", revenue: null, revenue_share: null },
  ],
  pending_approvals: { count: 2, oldest_requested_at: "2026-03-01T14:00:00Z" },
};

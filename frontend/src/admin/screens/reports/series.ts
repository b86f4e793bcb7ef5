/**
 * The report's JSON turned into chart series (polaris-viz's `DataSeries` shape) and into the rows
 * of the table that stands in for each chart. Pure: labels come in as functions.
 */
import type { CreditReport, PeriodFigures, SupportReport } from "./types";

export interface ChartPoint {
  key: string;
  value: number | null;
}

export interface ChartSeries {
  name: string;
  data: ChartPoint[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export const toMinutes = (seconds: number | null) => (seconds === null ? null : round1(seconds / 60));
export const toHours = (seconds: number | null) => (seconds === null ? null : round1(seconds / 3600));
export const toPercent = (ratio: number | null) => (ratio === null ? null : round1(ratio * 100));

/** One figure of every bucket, in order. */
export function seriesOf(
  rows: PeriodFigures[],
  label: (period: string) => string,
  name: string,
  pick: (row: PeriodFigures) => number | null,
): ChartSeries {
  return { name, data: rows.map((row) => ({ key: label(row.period), value: pick(row) })) };
}

/** Conversations per channel (the API lists every channel, zero included). */
export function channelSeries(
  volume: SupportReport["volume"],
  name: string,
  channelName: (channel: string) => string,
): ChartSeries {
  return { name, data: volume.by_channel.map((row) => ({ key: channelName(row.channel), value: row.conversations })) };
}

/** Credit issued per bucket, one series per currency (money is never added across currencies). */
export function creditSeries(report: SupportReport, label: (period: string) => string): ChartSeries[] {
  const periods = report.series.map((row) => row.period);
  return report.credits.totals.map(({ currency }) => {
    const amounts = new Map(
      report.credits.series.filter((row) => row.currency === currency).map((row) => [row.period, Number(row.amount)]),
    );
    return { name: currency, data: periods.map((period) => ({ key: label(period), value: amounts.get(period) ?? 0 })) };
  });
}

/** Credit issued per month of the credit report, one series per currency, every month shown. */
export function creditMonthSeries(
  report: CreditReport,
  months: string[],
  label: (month: string) => string,
): ChartSeries[] {
  const currencies = [...new Set(report.by_month.map((row) => row.currency))].sort();
  return currencies.map((currency) => {
    const amounts = new Map(
      report.by_month.filter((row) => row.currency === currency).map((row) => [row.month, Number(row.amount)]),
    );
    return { name: currency, data: months.map((month) => ({ key: label(month), value: amounts.get(month) ?? 0 })) };
  });
}

/** The chart as table rows: the key, then each series' value formatted. */
export function tableRows(
  series: ChartSeries[],
  format: (value: number | null, seriesIndex: number) => string,
): string[][] {
  const first = series[0];
  if (first === undefined) return [];
  return first.data.map((point, index) => [
    point.key,
    ...series.map((one, seriesIndex) => format(one.data[index]?.value ?? null, seriesIndex)),
  ]);
}

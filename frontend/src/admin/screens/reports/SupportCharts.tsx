/** The support report's charts: response and resolution times, CSAT, SLA, volume, channels, credit. */
import { InlineGrid } from "@shopify/polaris";
import { useI18n } from "../../i18n";
import { Chart } from "./Charts";
import { ChartCard } from "./ChartCard";
import { formatAmounts, formatDuration, formatRatio } from "./format";
import { periodLabel } from "./period";
import { channelSeries, creditSeries, seriesOf, toHours, toMinutes, toPercent } from "./series";
import type { SupportReport } from "./types";

export function SupportCharts({ report }: { report: SupportReport }) {
  const { t, locale, formatMoney, formatNumber } = useI18n();
  const s = report.summary;
  const label = (period: string) => periodLabel(period, report.group, locale);
  const rows = report.series;
  const noData = t("reports.noData");
  const unit = (key: string) => (value: number | null) =>
    value === null ? noData : t(key, { value: formatNumber(value, { maximumFractionDigits: 1 }) });
  const minutes = unit("reports.unit.minutes");
  const hours = unit("reports.unit.hours");
  const percent = unit("reports.unit.percent");
  const count = (value: number | null) => (value === null ? noData : formatNumber(value));
  const ratio = (value: number | null) => formatRatio(value, formatNumber, t);
  const period = t("reports.table.period");

  const firstResponse = [
    seriesOf(rows, label, t("reports.series.median"), (row) => toMinutes(row.first_response_median_seconds)),
    seriesOf(rows, label, t("reports.series.p90"), (row) => toMinutes(row.first_response_p90_seconds)),
  ];
  const resolution = [
    seriesOf(rows, label, t("reports.series.median"), (row) => toHours(row.resolution_median_seconds)),
    seriesOf(rows, label, t("reports.series.p90"), (row) => toHours(row.resolution_p90_seconds)),
  ];
  const csat = [seriesOf(rows, label, t("reports.series.csat"), (row) => toPercent(row.csat_score))];
  const sla = [seriesOf(rows, label, t("reports.series.sla"), (row) => toPercent(row.sla_compliance))];
  const volume = [
    seriesOf(rows, label, t("reports.series.started"), (row) => row.conversations),
    seriesOf(rows, label, t("reports.series.resolved"), (row) => row.resolved),
  ];
  const channelName = (channel: string) => {
    const key = `reports.channel.${channel}`;
    const text = t(key);
    return text === key ? channel : text;
  };
  const channels = [channelSeries(report.volume, t("reports.series.conversations"), channelName)];
  const credits = creditSeries(report, label);
  const creditCount = report.credits.totals.reduce((sum, row) => sum + row.count, 0);

  return (
    <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
      <ChartCard
        title={t("reports.chart.firstResponse")}
        summary={t("reports.chart.firstResponseSummary", {
          median: formatDuration(s.first_response_median_seconds, t),
          p90: formatDuration(s.first_response_p90_seconds, t),
        })}
        series={firstResponse}
        keyHeading={period}
        formatCell={minutes}
      >
        <Chart kind="line" series={firstResponse} formatValue={(v) => minutes(v)} />
      </ChartCard>
      <ChartCard
        title={t("reports.chart.resolution")}
        summary={t("reports.chart.resolutionSummary", {
          median: formatDuration(s.resolution_median_seconds, t),
          p90: formatDuration(s.resolution_p90_seconds, t),
        })}
        series={resolution}
        keyHeading={period}
        formatCell={hours}
      >
        <Chart kind="line" series={resolution} formatValue={(v) => hours(v)} />
      </ChartCard>
      <ChartCard
        title={t("reports.chart.csat")}
        summary={t("reports.chart.csatSummary", { score: ratio(s.csat_score), rated: formatNumber(s.csat_rated) })}
        series={csat}
        keyHeading={period}
        formatCell={percent}
      >
        <Chart kind="line" series={csat} formatValue={(v) => percent(v)} />
      </ChartCard>
      <ChartCard
        title={t("reports.chart.sla")}
        summary={t("reports.chart.slaSummary", {
          compliance: ratio(s.sla_compliance),
          hits: formatNumber(s.sla_hits),
          breaches: formatNumber(s.sla_breaches),
        })}
        series={sla}
        keyHeading={period}
        formatCell={percent}
      >
        <Chart kind="line" series={sla} formatValue={(v) => percent(v)} />
      </ChartCard>
      <ChartCard
        title={t("reports.chart.volume")}
        summary={t("reports.chart.volumeSummary", {
          conversations: formatNumber(s.conversations),
          resolved: formatNumber(s.resolved),
        })}
        series={volume}
        keyHeading={period}
        formatCell={count}
      >
        <Chart kind="bar" series={volume} formatValue={(v) => count(v)} />
      </ChartCard>
      <ChartCard
        title={t("reports.chart.channels")}
        summary={report.volume.by_channel
          .map((row) =>
            t("reports.channelCount", { channel: channelName(row.channel), count: formatNumber(row.conversations) }),
          )
          .join(", ")}
        series={channels}
        keyHeading={t("reports.table.channel")}
        formatCell={count}
      >
        <Chart kind="horizontal" series={channels} formatValue={(v) => count(v)} />
      </ChartCard>
      <ChartCard
        title={t("reports.chart.credits")}
        summary={
          report.credits.totals.length === 0
            ? t("reports.chart.creditsNone")
            : t("reports.chart.creditsSummary", {
                amounts: formatAmounts(report.credits.totals, formatMoney, t("reports.none")),
                count: formatNumber(creditCount),
              })
        }
        series={credits}
        keyHeading={period}
        formatCell={(value, index) => (value === null ? noData : formatMoney(value, credits[index]?.name ?? ""))}
      >
        <Chart kind="bar" series={credits} formatValue={(v) => formatNumber(v)} />
      </ChartCard>
    </InlineGrid>
  );
}

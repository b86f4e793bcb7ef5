/** The store-credit report: pending approvals, credit per month (chart), totals, reasons, requesters. */
import { BlockStack, Card, DataTable, InlineGrid, Text } from "@shopify/polaris";
import { useI18n } from "../../i18n";
import { Chart } from "./Charts";
import { ChartCard } from "./ChartCard";
import { formatAmounts, formatRatio } from "./format";
import { monthLabel, monthsBetween } from "./period";
import { creditMonthSeries } from "./series";
import { TitledCard } from "./TitledCard";
import type { CreditReport } from "./types";

function TableCard({ title, headings, rows }: { title: string; headings: string[]; rows: string[][] }) {
  return (
    <TitledCard title={title} level={3}>
      <DataTable
        columnContentTypes={headings.map((_, index) => (index === 0 ? "text" : "numeric"))}
        headings={headings}
        rows={rows}
      />
    </TitledCard>
  );
}

export function CreditReportSection({ report, timeZone }: { report: CreditReport; timeZone: string }) {
  const { t, locale, formatMoney, formatNumber, formatDateTime } = useI18n();
  const month = (value: string) => monthLabel(value, locale);
  const series = creditMonthSeries(report, monthsBetween(report.from, report.to), month);
  const reasonName = (reason: string) => {
    const key = `credit.reason.${reason}`;
    const text = t(key);
    return text === key ? reason : text;
  };
  const pending = report.pending_approvals;
  const money = (row: { amount: string; currency: string }) => formatMoney(row.amount, row.currency);

  return (
    <BlockStack gap="400">
      <Text as="h2" variant="headingLg">
        {t("reports.credit.title")}
      </Text>
      <Text as="p" tone="subdued">
        {t("reports.credit.months", { from: month(report.from), to: month(report.to) })}
      </Text>
      <Card>
        <Text as="p">
          {pending.count > 0 && pending.oldest_requested_at !== null
            ? t("reports.credit.pending", {
                count: formatNumber(pending.count),
                since: formatDateTime(pending.oldest_requested_at, timeZone),
              })
            : t("reports.credit.noPending")}
        </Text>
      </Card>
      {report.totals.length === 0 ? (
        <Card>
          <Text as="p" tone="subdued">
            {t("reports.credit.empty")}
          </Text>
        </Card>
      ) : (
        <>
          <ChartCard
            title={t("reports.credit.byMonth")}
            summary={t("reports.credit.byMonthSummary", {
              amounts: formatAmounts(report.totals, formatMoney, t("reports.none")),
              from: month(report.from),
              to: month(report.to),
            })}
            series={series}
            keyHeading={t("reports.table.month")}
            formatCell={(value, index) =>
              value === null ? t("reports.noData") : formatMoney(value, series[index]?.name ?? "")
            }
          >
            <Chart kind="bar" series={series} formatValue={(v) => formatNumber(v)} />
          </ChartCard>
          <TableCard
            title={t("reports.credit.totals")}
            headings={[
              t("reports.credit.currency"),
              t("reports.credit.count"),
              t("reports.credit.amount"),
              t("reports.credit.revenue"),
              t("reports.credit.share"),
            ]}
            rows={report.totals.map((row) => [
              row.currency,
              formatNumber(row.count),
              money(row),
              row.revenue === null ? t("reports.noData") : formatMoney(row.revenue, row.currency),
              formatRatio(row.revenue_share === null ? null : Number(row.revenue_share), formatNumber, t),
            ])}
          />
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <TableCard
              title={t("reports.credit.byReason")}
              headings={[t("reports.credit.reason"), t("reports.credit.count"), t("reports.credit.amount")]}
              rows={report.by_reason.map((row) => [reasonName(row.reason), formatNumber(row.count), money(row)])}
            />
            <TableCard
              title={t("reports.credit.byAgent")}
              headings={[t("reports.credit.agent"), t("reports.credit.count"), t("reports.credit.amount")]}
              rows={report.by_agent.map((row) => [
                row.agent_id === null ? t("reports.credit.app") : row.agent,
                formatNumber(row.count),
                money(row),
              ])}
            />
          </InlineGrid>
        </>
      )}
    </BlockStack>
  );
}

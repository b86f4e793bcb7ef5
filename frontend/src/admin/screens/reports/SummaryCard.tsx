/** The period's key figures as text (the charts' numbers in words). */
import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { useI18n } from "../../i18n";
import { formatAmounts, formatDuration, formatRatio } from "./format";
import type { SupportReport } from "./types";

/** One figure: its own `<dl>` (a grid of layout `div`s between a `<dl>` and its terms is not allowed). */
function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <dl style={{ margin: 0 }}>
      <BlockStack gap="100">
      <Text as="dt" tone="subdued">
        {label}
      </Text>
      <Text as="dd" variant="headingLg">
        {value}
      </Text>
      <Text as="dd" tone="subdued">
        {detail}
      </Text>
      </BlockStack>
    </dl>
  );
}

export function SummaryCard({ report }: { report: SupportReport }) {
  const { t, formatMoney, formatNumber } = useI18n();
  const s = report.summary;
  const ratio = (value: number | null) => formatRatio(value, formatNumber, t);
  const credits = report.credits.totals;
  const creditCount = credits.reduce((sum, row) => sum + row.count, 0);

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("reports.summary.title")}
        </Text>
        <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
            <Figure
              label={t("reports.figure.conversations")}
              value={formatNumber(s.conversations)}
              detail={t("reports.figure.resolvedOf", {
                resolved: formatNumber(s.resolved),
                conversations: formatNumber(s.conversations),
              })}
            />
            <Figure
              label={t("reports.figure.resolutionRate")}
              value={ratio(s.resolution_rate)}
              detail={t("reports.figure.resolvedOf", {
                resolved: formatNumber(s.resolved),
                conversations: formatNumber(s.conversations),
              })}
            />
            <Figure
              label={t("reports.figure.firstResponse")}
              value={formatDuration(s.first_response_median_seconds, t)}
              detail={t("reports.figure.firstResponses", { count: formatNumber(s.first_responses) })}
            />
            <Figure
              label={t("reports.figure.resolution")}
              value={formatDuration(s.resolution_median_seconds, t)}
              detail={t("reports.figure.resolvedOf", {
                resolved: formatNumber(s.resolved),
                conversations: formatNumber(s.conversations),
              })}
            />
            <Figure
              label={t("reports.figure.csat")}
              value={ratio(s.csat_score)}
              detail={t("reports.figure.csatDetail", {
                rated: formatNumber(s.csat_rated),
                mean:
                  s.csat_mean === null ? t("reports.noData") : formatNumber(s.csat_mean, { maximumFractionDigits: 2 }),
              })}
            />
            <Figure
              label={t("reports.figure.sla")}
              value={ratio(s.sla_compliance)}
              detail={t("reports.figure.slaDetail", {
                hits: formatNumber(s.sla_hits),
                breaches: formatNumber(s.sla_breaches),
              })}
            />
            <Figure
              label={t("reports.figure.containment")}
              value={ratio(s.containment_rate)}
              detail={t("reports.figure.containmentDetail", { count: formatNumber(s.bot_contained) })}
            />
            <Figure
              label={t("reports.figure.credits")}
              value={formatAmounts(credits, formatMoney, t("reports.none"))}
              detail={t("reports.figure.creditsDetail", { count: formatNumber(creditCount) })}
            />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}

/** The support report's tables: SLA per target and figures per agent. */
import { DataTable, Text } from "@shopify/polaris";
import { useI18n } from "../../i18n";
import { formatDuration, formatRatio } from "./format";
import { TitledCard } from "./TitledCard";
import type { SupportReport } from "./types";

export function SlaTable({ report }: { report: SupportReport }) {
  const { t, formatNumber } = useI18n();
  const targetName = (target: string) => {
    const key = `reports.sla.target.${target}`;
    const text = t(key);
    return text === key ? target : text;
  };
  return (
    <TitledCard title={t("reports.sla.title")}>
      <DataTable
        columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric"]}
        headings={[
          t("reports.sla.target"),
          t("reports.sla.hits"),
          t("reports.sla.breaches"),
          t("reports.sla.compliance"),
          t("reports.sla.warnings"),
          t("reports.sla.escalations"),
        ]}
        rows={report.sla.map((row) => [
          targetName(row.target),
          formatNumber(row.hits),
          formatNumber(row.breaches),
          formatRatio(row.compliance, formatNumber, t),
          formatNumber(row.warnings),
          formatNumber(row.escalations),
        ])}
      />
    </TitledCard>
  );
}

export function AgentTable({ report }: { report: SupportReport }) {
  const { t, formatNumber } = useI18n();
  return (
    <TitledCard title={t("reports.agents.title")}>
      {report.agents.length === 0 ? (
        <Text as="p" tone="subdued">
          {t("reports.agents.empty")}
        </Text>
      ) : (
        <DataTable
          columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric"]}
          headings={[
            t("reports.agents.agent"),
            t("reports.agents.conversations"),
            t("reports.agents.resolved"),
            t("reports.agents.firstResponses"),
            t("reports.agents.firstResponse"),
            t("reports.agents.csat"),
          ]}
          rows={report.agents.map((row) => [
            row.agent,
            formatNumber(row.conversations),
            formatNumber(row.resolved),
            formatNumber(row.first_responses),
            formatDuration(row.first_response_median_seconds, t),
            formatRatio(row.csat_score, formatNumber, t),
          ])}
        />
      )}
    </TitledCard>
  );
}

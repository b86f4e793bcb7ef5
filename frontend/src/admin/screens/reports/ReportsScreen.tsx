/**
 * Support and store-credit reports for supervisors, admins and owners: a period and a grouping,
 * the key figures in words, charts (each with a text summary and a table), and the CSV download.
 */
import { Banner, BlockStack, Button, Card, InlineStack, Page, Select, Text } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { useMe, useResource, useSessionToken } from "../../api/context";
import { useI18n } from "../../i18n";
import { ResourceView } from "../../ResourceView";
import { refusalText } from "../approvals/rules";
import { roleAtLeast } from "../credit/roles";
import { ChartsProvider } from "./Charts";
import { CreditReportSection } from "./CreditReportSection";
import { fetchCsv, saveBlob } from "./csv";
import {
  addDays,
  creditQuery,
  dayLabel,
  defaultGroup,
  GROUPS,
  PRESETS,
  reportQuery,
  reportRange,
  todayIn,
  type Preset,
} from "./period";
import { AgentTable, SlaTable } from "./ReportTables";
import { SummaryCard } from "./SummaryCard";
import { SupportCharts } from "./SupportCharts";
import type { CreditReport, Group, SupportReport } from "./types";

export default function ReportsScreen() {
  const { t, locale } = useI18n();
  const me = useMe();
  const getToken = useSessionToken();
  const allowed = roleAtLeast(me.agent.role, "supervisor");
  const today = useMemo(() => todayIn(me.shop.timezone, new Date()), [me.shop.timezone]);
  const [preset, setPreset] = useState<Preset>(30);
  const [group, setGroup] = useState<Group>(defaultGroup(30));
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const range = reportRange(preset, today);
  const query = reportQuery(range, group);
  const support = useResource<SupportReport>(allowed ? `/api/admin/reports?${query}` : null);
  const credit = useResource<CreditReport>(allowed ? `/api/admin/credit/reports?${creditQuery(range)}` : null);

  if (!allowed) {
    return (
      <Page title={t("nav.reports")}>
        <Banner tone="info">
          <p>{t("reports.forbidden")}</p>
        </Banner>
      </Page>
    );
  }

  async function download() {
    if (getToken === null) return;
    setDownloading(true);
    setDownloadError(null);
    try {
      const { blob, name } = await fetchCsv(`/api/admin/reports.csv?${query}`, getToken);
      saveBlob(blob, name ?? `support-report-${range.from}-${range.to}.csv`);
    } catch (error) {
      setDownloadError(refusalText(t, "reports.error", error));
    } finally {
      setDownloading(false);
    }
  }

  return (
    <ChartsProvider>
      <Page title={t("nav.reports")}>
        <BlockStack gap="400">
          <Card>
            <BlockStack gap="300">
              <InlineStack gap="400" blockAlign="end" wrap>
                <Select
                  label={t("reports.period")}
                  options={PRESETS.map((days) => ({ label: t(`reports.preset.${days}`), value: String(days) }))}
                  value={String(preset)}
                  onChange={(value) => {
                    const next = Number(value) as Preset;
                    setPreset(next);
                    setGroup(defaultGroup(next));
                  }}
                />
                <Select
                  label={t("reports.group")}
                  options={GROUPS.map((value) => ({ label: t(`reports.group.${value}`), value }))}
                  value={group}
                  onChange={(value) => setGroup(value as Group)}
                />
                <Button onClick={() => void download()} loading={downloading} disabled={getToken === null}>
                  {t("reports.downloadCsv")}
                </Button>
              </InlineStack>
              <Text as="p" tone="subdued">
                {t("reports.range", {
                  from: dayLabel(range.from, locale),
                  to: dayLabel(addDays(range.to, -1), locale),
                  timezone: me.shop.timezone,
                })}
              </Text>
            </BlockStack>
          </Card>
          <div aria-live="polite">
            {downloadError !== null && (
              <Banner tone="critical" title={t("reports.downloadFailed")} onDismiss={() => setDownloadError(null)}>
                <p>{downloadError}</p>
              </Banner>
            )}
          </div>
          <ResourceView state={support.state} reload={support.reload}>
            {(report) => (
              <BlockStack gap="400">
                <SummaryCard report={report} />
                <SupportCharts report={report} />
                <SlaTable report={report} />
                <AgentTable report={report} />
              </BlockStack>
            )}
          </ResourceView>
          <ResourceView state={credit.state} reload={credit.reload}>
            {(report) => <CreditReportSection report={report} timeZone={me.shop.timezone} />}
          </ResourceView>
        </BlockStack>
      </Page>
    </ChartsProvider>
  );
}

/** Business hours and SLA: two forms, each loaded and saved on its own. */
import { Layout, Page } from "@shopify/polaris";
import { useMe, useResource } from "../../api/context";
import { useI18n } from "../../i18n";
import { ResourceView } from "../../ResourceView";
import { canEditSettings } from "../settings/roles";
import { BusinessHoursCard, HOURS_PATH } from "./BusinessHoursCard";
import type { HoursState } from "./hoursForm";
import { SLA_PATH, SlaCard } from "./SlaCard";
import type { SlaState } from "./slaForm";

export default function HoursScreen() {
  const { t } = useI18n();
  const { agent } = useMe();
  const canEdit = canEditSettings(agent.role);
  const hours = useResource<HoursState>(HOURS_PATH);
  const sla = useResource<SlaState>(SLA_PATH);

  return (
    <Page title={t("nav.hours")}>
      <Layout>
        <Layout.Section>
          <ResourceView state={hours.state} reload={hours.reload}>
            {(data) => <BusinessHoursCard hours={data} canEdit={canEdit} onSaved={(next) => hours.setData(() => next)} />}
          </ResourceView>
        </Layout.Section>
        <Layout.Section>
          <ResourceView state={sla.state} reload={sla.reload}>
            {(data) => <SlaCard sla={data} canEdit={canEdit} onSaved={(next) => sla.setData(() => next)} />}
          </ResourceView>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

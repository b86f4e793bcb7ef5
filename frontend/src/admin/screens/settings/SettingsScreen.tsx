/**
 * Settings: the getting-started checklist, support and translation settings, and, for owners and
 * admins, privacy exports and failed webhook deliveries.
 */
import { Banner, Layout, Page } from "@shopify/polaris";
import { useMemo } from "react";
import { useMe, useResource } from "../../api/context";
import { readChatEmbedId } from "../../config";
import { useI18n } from "../../i18n";
import { ResourceView } from "../../ResourceView";
import { FailedWebhooksCard } from "./FailedWebhooksCard";
import { OnboardingChecklist } from "./OnboardingChecklist";
import { PrivacyExportsCard } from "./PrivacyExportsCard";
import { canEditSettings } from "./roles";
import { SUPPORT_PATH, SupportSettingsCard } from "./SupportSettingsCard";
import type { SupportSettings } from "./supportSettingsForm";
import { TRANSLATION_PATH, TranslationCard, type TranslationSettings } from "./TranslationCard";

export default function SettingsScreen() {
  const { t } = useI18n();
  const { agent } = useMe();
  const canEdit = canEditSettings(agent.role);
  const chatEmbedId = useMemo(() => readChatEmbedId(), []);
  const support = useResource<SupportSettings>(SUPPORT_PATH);
  const translation = useResource<TranslationSettings>(TRANSLATION_PATH);

  return (
    <Page title={t("nav.settings")}>
      <Layout>
        {canEdit ? (
          <Layout.Section>
            <OnboardingChecklist chatEmbedId={chatEmbedId} />
          </Layout.Section>
        ) : (
          <Layout.Section>
            <Banner tone="info">
              <p>{t("settings.readOnly")}</p>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <ResourceView state={support.state} reload={support.reload}>
            {(data) => (
              <SupportSettingsCard settings={data} canEdit={canEdit} onSaved={(next) => support.setData(() => next)} />
            )}
          </ResourceView>
        </Layout.Section>
        <Layout.Section>
          <ResourceView state={translation.state} reload={translation.reload}>
            {(data) => (
              <TranslationCard settings={data} canEdit={canEdit} onSaved={(next) => translation.setData(() => next)} />
            )}
          </ResourceView>
        </Layout.Section>
        {canEdit && (
          <>
            <Layout.Section>
              <PrivacyExportsCard />
            </Layout.Section>
            <Layout.Section>
              <FailedWebhooksCard />
            </Layout.Section>
          </>
        )}
      </Layout>
    </Page>
  );
}

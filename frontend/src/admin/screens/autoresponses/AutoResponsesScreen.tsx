/** Auto-responses: the FAQ the bot answers from, a tester, and the wording of the bot's replies. */
import { Layout, Page } from "@shopify/polaris";
import { useMe, useResource } from "../../api/context";
import { useI18n } from "../../i18n";
import { ResourceView } from "../../ResourceView";
import { canEditSettings } from "../settings/roles";
import { FaqCard } from "./FaqCard";
import { FAQ_PATH } from "./FaqEditor";
import type { FaqEntry } from "./faqForm";
import { FaqTester } from "./FaqTester";
import { REPLY_TEXTS_PATH } from "./ReplyTextEditor";
import type { ReplyTextKey } from "./replyTexts";
import { ReplyTextsCard } from "./ReplyTextsCard";

export default function AutoResponsesScreen() {
  const { t } = useI18n();
  const { agent } = useMe();
  const canEdit = canEditSettings(agent.role);
  const faq = useResource<FaqEntry[]>(FAQ_PATH);
  const replies = useResource<ReplyTextKey[]>(REPLY_TEXTS_PATH);

  return (
    <Page title={t("nav.autoresponses")}>
      <Layout>
        <Layout.Section>
          <ResourceView state={faq.state} reload={faq.reload}>
            {(entries) => <FaqCard entries={entries} canEdit={canEdit} onChange={faq.setData} />}
          </ResourceView>
        </Layout.Section>
        <Layout.Section>
          <FaqTester />
        </Layout.Section>
        <Layout.Section>
          <ResourceView state={replies.state} reload={replies.reload}>
            {(listing) => <ReplyTextsCard listing={listing} canEdit={canEdit} onChange={replies.setData} />}
          </ResourceView>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

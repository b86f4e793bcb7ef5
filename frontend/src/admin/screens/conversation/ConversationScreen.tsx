/**
 * One conversation: the thread (live over the socket, resynced after a
 * reconnect), the composer (reply / internal note, templates, attachments,
 * the promise guardrail), the conversation's controls, and the customer panel
 * and store-credit action in the side column. Shortcuts: e resolves, a assigns
 * to me, r / n focus the reply / note box, Ctrl/Cmd+Enter sends, ? helps.
 */
import { Badge, Banner, BlockStack, Card, Layout, Page } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { useParams } from "react-router-dom";
import { errorReason, useApi, useMe, useResource } from "../../api/context";
import { useI18n } from "../../i18n";
import { ResourceView } from "../../ResourceView";
import { BASENAME } from "../../routes";
import type { ShortcutAction } from "../../shortcuts";
import { ShortcutsHelpModal, useShortcuts } from "../../shortcutsHelp";
import { deadlineOf, formatCountdown, slaTone } from "../inbox/sla";
import { useNow } from "../inbox/useNow";
import { ConversationActions } from "./actions/ConversationActions";
import { Composer } from "./composer/Composer";
import { assign, conversationPath, setStatus } from "./conversationApi";
import CreditAction from "./credit/CreditAction";
import { useCreditRefresh } from "./credit/useCreditRefresh";
import CustomerPanel from "./panel/CustomerPanel";
import { Thread } from "./thread/Thread";
import { useMarkRead } from "./thread/useMarkRead";
import { useShopperTyping } from "./thread/useShopperTyping";
import { useThread } from "./thread/useThread";
import type { ConversationDetail } from "./types";
import { ResourceBanner } from "./ResourceBanner";
import { useConversationLive } from "./useConversationLive";

const SHORTCUTS: ShortcutAction[] = ["resolve", "assignToMe", "focusReply", "focusNote", "send", "help"];

function customerNameOf(conversation: ConversationDetail, fallback: string): string {
  return conversation.customer_name.trim() || conversation.customer_email || fallback;
}

function ConversationView({
  conversation,
  update,
  reloadConversation,
}: {
  conversation: ConversationDetail;
  update: (change: Partial<ConversationDetail>) => void;
  reloadConversation: () => void;
}) {
  const { t } = useI18n();
  const { thread, reload, add } = useThread(conversation.id);
  const shopperTyping = useShopperTyping(conversation.id);
  const creditKey = useCreditRefresh(conversation.id);
  useMarkRead(conversation.id, thread.status === "ready" ? thread.messages : null, conversation.agent_read_id);
  const name = customerNameOf(conversation, t("inbox.unknownCustomer"));

  return (
    <Layout>
      <Layout.Section>
        <BlockStack gap="400">
          <Card>
            {thread.status === "ready" ? (
              <Thread
                messages={thread.messages}
                customerName={name}
                shopperReadId={conversation.shopper_read_id}
                shopperTyping={shopperTyping}
              />
            ) : (
              <ResourceBanner state={thread} reload={reload} />
            )}
          </Card>
          <Composer
            conversationId={conversation.id}
            onSent={(message) => {
              add([message]);
              reloadConversation(); // waiting time and SLA deadlines move with a reply
            }}
          />
        </BlockStack>
      </Layout.Section>
      <Layout.Section variant="oneThird">
        <BlockStack gap="400">
          <ConversationActions conversation={conversation} onChange={update} />
          <CustomerPanel conversationId={conversation.id} conversation={conversation as unknown as Record<string, unknown>} />
          <CreditAction conversationId={conversation.id} onRequested={reloadConversation} refreshKey={creditKey} />
        </BlockStack>
      </Layout.Section>
    </Layout>
  );
}

export default function ConversationScreen() {
  const { conversationId = "" } = useParams();
  const { t } = useI18n();
  const apiFetch = useApi();
  const me = useMe();
  const now = useNow();
  const { state, reload, setData } = useResource<ConversationDetail>(conversationPath(conversationId));
  const [helpOpen, setHelpOpen] = useState(false);
  const [feedback, setFeedback] = useState<string | null>(null);

  const quietReload = useCallback(() => reload({ quiet: true }), [reload]);
  const update = useCallback(
    (change: Partial<ConversationDetail>) => setData((current) => ({ ...current, ...change })),
    [setData],
  );

  useConversationLive(conversationId, quietReload, setData);

  const conversation = state.status === "ready" ? state.data : null;
  const act = (work: () => Promise<Partial<ConversationDetail>>) => {
    setFeedback(null);
    work().then(update, (reason: unknown) => setFeedback(errorReason(reason)));
  };
  useShortcuts({
    resolve: () => {
      if (conversation) act(() => setStatus(apiFetch, conversation.id, "resolved"));
    },
    assignToMe: () => {
      if (conversation && conversation.assignee_id !== me.agent.id) act(() => assign(apiFetch, conversation.id, me.agent.id));
    },
    help: () => setHelpOpen(true),
  });

  const deadline = conversation ? deadlineOf(conversation) : null;
  const metadata = conversation ? (
    <span>
      <Badge tone={conversation.status === "open" ? "attention" : undefined}>{t(`inbox.status.${conversation.status}`)}</Badge>{" "}
      <Badge tone={conversation.priority === "A" ? "critical" : conversation.priority === "B" ? "warning" : undefined}>
        {t("inbox.priority.badge", { priority: conversation.priority })}
      </Badge>{" "}
      <Badge>{t(`inbox.channel.${conversation.channel}`)}</Badge>{" "}
      {deadline ? (
        <Badge tone={slaTone(deadline.dueAt, now, deadline.startedAt)}>{formatCountdown(deadline.dueAt, now, t)}</Badge>
      ) : null}
    </span>
  ) : undefined;

  return (
    <Page
      fullWidth
      backAction={{ content: t("nav.inbox"), url: `${BASENAME}/inbox` }}
      title={conversation ? customerNameOf(conversation, t("inbox.unknownCustomer")) : t("conversation.title")}
      subtitle={conversation?.customer_email || undefined}
      titleMetadata={metadata}
      secondaryActions={[{ content: t("inbox.shortcuts.button"), onAction: () => setHelpOpen(true) }]}
    >
      <BlockStack gap="400">
        <div aria-live="polite">
          {feedback ? (
            <Banner tone="critical" onDismiss={() => setFeedback(null)}>
              <p>{feedback}</p>
            </Banner>
          ) : null}
        </div>
        <ResourceView state={state} reload={() => reload()}>
          {(data) => <ConversationView conversation={data} update={update} reloadConversation={quietReload} />}
        </ResourceView>
      </BlockStack>
      <ShortcutsHelpModal open={helpOpen} onClose={() => setHelpOpen(false)} actions={SHORTCUTS} />
    </Page>
  );
}

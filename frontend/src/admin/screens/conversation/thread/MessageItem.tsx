/**
 * One message of the thread, as an <article> named for screen readers by
 * who wrote it and when. Shopper, agent, bot, system and internal notes look
 * different; a note always carries its "Internal note" label and a warning
 * background. Text is rendered as text (never as HTML), line breaks kept.
 */
import { Badge, BlockStack, Box, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { useMe } from "../../../api/context";
import { useI18n } from "../../../i18n";
import type { Message } from "../types";
import { AttachmentList } from "./AttachmentList";

type Background = "bg-surface-secondary" | "bg-surface-info" | "bg-surface-warning" | "bg-surface-magic";

const LOOK: Record<string, { background: Background; align: "start" | "end" }> = {
  shopper: { background: "bg-surface-secondary", align: "start" },
  agent: { background: "bg-surface-info", align: "end" },
  note: { background: "bg-surface-warning", align: "end" },
  bot: { background: "bg-surface-magic", align: "start" },
};

function Body({ children }: { children: ReactNode }) {
  return <div style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{children}</div>;
}

function Translation({ message }: { message: Message }) {
  const { t } = useI18n();
  const text = message.translation.text;
  if (message.kind === "shopper" && text) {
    return (
      <Box borderBlockStartWidth="025" borderColor="border" paddingBlockStart="200">
        <BlockStack gap="100">
          <Text as="p" variant="bodySm" tone="subdued">
            {t("conversation.translation.label", { language: message.translation.language || "?" })}
          </Text>
          <Body>{text}</Body>
        </BlockStack>
      </Box>
    );
  }
  if (message.machine_translated && message.original_body) {
    return (
      <Box borderBlockStartWidth="025" borderColor="border" paddingBlockStart="200">
        <BlockStack gap="100">
          <Text as="p" variant="bodySm" tone="subdued">
            {t("conversation.translation.original", { language: message.language || "?" })}
          </Text>
          <Body>{message.original_body}</Body>
        </BlockStack>
      </Box>
    );
  }
  return null;
}

export function MessageItem({
  message,
  customerName,
  seen,
}: {
  message: Message;
  customerName: string;
  /** The shopper has read up to this message. */
  seen: boolean;
}) {
  const { t, formatDateTime } = useI18n();
  const me = useMe();
  const time = message.created_at ? formatDateTime(message.created_at, me.shop.timezone) : "";
  const author =
    message.agent_id === null
      ? t("conversation.author.agent")
      : message.agent_id === me.agent.id
        ? t("conversation.author.you")
        : t("conversation.author.agent");

  if (message.kind === "system") {
    return (
      <article aria-label={t("conversation.label.system", { time })}>
        <Box paddingBlock="100">
          <BlockStack inlineAlign="center" gap="050">
            <Text as="span" variant="bodySm" tone="subdued">
              <span style={{ whiteSpace: "pre-wrap" }}>{message.body}</span>
            </Text>
            <Text as="span" variant="bodySm" tone="subdued">
              <time dateTime={message.created_at}>{time}</time>
            </Text>
          </BlockStack>
        </Box>
      </article>
    );
  }

  const look = LOOK[message.kind] ?? LOOK.shopper!;
  const label =
    message.kind === "note"
      ? t("conversation.label.note", { author, time })
      : message.kind === "agent"
        ? t("conversation.label.agent", { author, time })
        : message.kind === "bot"
          ? t("conversation.label.bot", { time })
          : t("conversation.label.shopper", { name: customerName, time });
  const heading =
    message.kind === "shopper" ? customerName : message.kind === "bot" ? t("conversation.author.bot") : author;

  return (
    <InlineStack align={look.align}>
      <div style={{ maxWidth: "85%", minWidth: "40%" }}>
        <article aria-label={label}>
          <Box
            background={look.background}
            padding="300"
            borderRadius="300"
            borderWidth={message.kind === "note" ? "025" : undefined}
            borderColor={message.kind === "note" ? "border-caution" : undefined}
          >
            <BlockStack gap="200">
              <InlineStack gap="200" blockAlign="center">
                {message.kind === "note" ? <Badge tone="warning">{t("conversation.note.label")}</Badge> : null}
                <Text as="span" fontWeight="semibold">
                  {heading}
                </Text>
                <Text as="span" variant="bodySm" tone="subdued">
                  <time dateTime={message.created_at}>{time}</time>
                </Text>
              </InlineStack>
              {message.body ? <Body>{message.body}</Body> : null}
              <Translation message={message} />
              <AttachmentList attachments={message.attachments} />
              {seen ? (
                <Text as="p" variant="bodySm" tone="subdued" alignment="end">
                  {t("conversation.seen")}
                </Text>
              ) : null}
            </BlockStack>
          </Box>
        </article>
      </div>
    </InlineStack>
  );
}

/**
 * The conversation's messages, oldest first, in a log region (screen readers
 * hear new messages), scrolled to the newest when one arrives; and the
 * shopper's typing indicator.
 */
import { BlockStack, Text } from "@shopify/polaris";
import { useEffect, useRef } from "react";
import { useI18n } from "../../../i18n";
import type { Message } from "../types";
import { seenByShopper } from "./messages";
import { MessageItem } from "./MessageItem";

export function Thread({
  messages,
  customerName,
  shopperReadId,
  shopperTyping,
}: {
  messages: Message[];
  customerName: string;
  shopperReadId: string;
  shopperTyping: boolean;
}) {
  const { t } = useI18n();
  const end = useRef<HTMLDivElement>(null);
  const lastId = messages.at(-1)?.id;
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: "end" });
  }, [lastId]);
  const seenId = seenByShopper(messages, shopperReadId);

  return (
    <BlockStack gap="300">
      <div role="log" aria-label={t("conversation.thread.label")} aria-live="polite">
        <BlockStack gap="300">
          {messages.length === 0 ? (
            <Text as="p" tone="subdued">
              {t("conversation.thread.empty")}
            </Text>
          ) : (
            messages.map((message) => (
              <MessageItem key={message.id} message={message} customerName={customerName} seen={message.id === seenId} />
            ))
          )}
        </BlockStack>
      </div>
      <div aria-live="polite" role="status" aria-label={t("conversation.typing.region")}>
        {shopperTyping ? (
          <Text as="p" tone="subdued">
            {t("conversation.typing", { name: customerName })}
          </Text>
        ) : null}
      </div>
      <div ref={end} />
    </BlockStack>
  );
}

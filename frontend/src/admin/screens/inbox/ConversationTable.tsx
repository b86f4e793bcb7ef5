/**
 * The inbox list: one row per conversation (customer, last message, channel,
 * priority, assignee, waiting time, SLA countdown), checkboxes for the bulk
 * actions, and the page links. The customer's name links to the conversation;
 * a click anywhere else on the row opens it too.
 */
import { Badge, Box, IndexTable, InlineStack, Link, Text, type IndexTableProps } from "@shopify/polaris";
import { useNavigate } from "react-router-dom";
import { useI18n } from "../../i18n";
import { BASENAME } from "../../routes";
import { deadlineOf, formatCountdown, formatDuration, slaTone } from "./sla";
import type { ConversationSummary } from "./types";

export const rowLinkId = (id: string) => `inbox-conversation-${id}`;
export const conversationUrl = (id: string) => `${BASENAME}/conversations/${encodeURIComponent(id)}`;

const PRIORITY_TONE = { A: "critical", B: "warning" } as const;

function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useI18n();
  const tone = PRIORITY_TONE[priority as keyof typeof PRIORITY_TONE];
  return <Badge tone={tone}>{t("inbox.priority.badge", { priority })}</Badge>;
}

function SlaCell({ conversation, now }: { conversation: ConversationSummary; now: Date }) {
  const { t } = useI18n();
  const deadline = deadlineOf(conversation);
  if (deadline === null) return <Text as="span" tone="subdued">{t("inbox.none")}</Text>;
  const tone = slaTone(deadline.dueAt, now, deadline.startedAt);
  return (
    <InlineStack gap="100" blockAlign="center" wrap={false}>
      <Badge tone={tone}>
        {formatCountdown(deadline.dueAt, now, t)}
      </Badge>
      <Text as="span" variant="bodySm" tone="subdued">
        {t(`inbox.sla.kind.${deadline.kind}`)}
      </Text>
    </InlineStack>
  );
}

function Row({
  conversation,
  position,
  selected,
  now,
  myId,
}: {
  conversation: ConversationSummary;
  position: number;
  selected: boolean;
  now: Date;
  myId: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const name = conversation.customer_name.trim() || conversation.customer_email || t("inbox.unknownCustomer");
  const assignee =
    conversation.assignee_id === null
      ? t("inbox.assignee.none")
      : conversation.assignee_id === myId
        ? t("inbox.assignee.you")
        : t("inbox.assignee.other");
  const waiting = conversation.waiting_since
    ? formatDuration(now.getTime() - new Date(conversation.waiting_since).getTime(), t)
    : t("inbox.none");
  return (
    <IndexTable.Row
      id={conversation.id}
      position={position}
      selected={selected}
      accessibilityLabel={t("inbox.row.select", { name })}
      onClick={() => navigate(`/conversations/${encodeURIComponent(conversation.id)}`)}
    >
      <IndexTable.Cell>
        <InlineStack gap="200" blockAlign="center" wrap={false}>
          {/* The link navigates by itself; the row's own click handler must not run again. */}
          <span onClick={(event) => event.stopPropagation()}>
            <Link id={rowLinkId(conversation.id)} url={conversationUrl(conversation.id)} removeUnderline monochrome>
              <Text as="span" fontWeight={conversation.unread ? "bold" : "regular"}>
                {name}
              </Text>
            </Link>
          </span>
          {conversation.unread ? <Badge tone="attention">{t("inbox.unread")}</Badge> : null}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Box maxWidth="22rem">
          <Text as="span" tone="subdued" truncate>
            {conversation.last_message?.body || t("inbox.noMessages")}
          </Text>
        </Box>
      </IndexTable.Cell>
      <IndexTable.Cell>{t(`inbox.channel.${conversation.channel}`)}</IndexTable.Cell>
      <IndexTable.Cell>
        <PriorityBadge priority={conversation.priority} />
      </IndexTable.Cell>
      <IndexTable.Cell>{assignee}</IndexTable.Cell>
      <IndexTable.Cell>{waiting}</IndexTable.Cell>
      <IndexTable.Cell>
        <SlaCell conversation={conversation} now={now} />
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}

export function ConversationTable({
  rows,
  now,
  myId,
  selected,
  allSelected,
  onSelectionChange,
  promotedBulkActions,
  bulkActions,
  pagination,
  emptyState,
}: {
  rows: ConversationSummary[];
  now: Date;
  myId: string;
  selected: string[];
  allSelected: boolean;
  onSelectionChange: IndexTableProps["onSelectionChange"];
  promotedBulkActions: IndexTableProps["promotedBulkActions"];
  bulkActions: IndexTableProps["bulkActions"];
  pagination: IndexTableProps["pagination"];
  emptyState: IndexTableProps["emptyState"];
}) {
  const { t } = useI18n();
  return (
    <IndexTable
      resourceName={{ singular: t("inbox.resource.singular"), plural: t("inbox.resource.plural") }}
      itemCount={rows.length}
      selectedItemsCount={allSelected ? "All" : selected.length}
      onSelectionChange={onSelectionChange}
      promotedBulkActions={promotedBulkActions}
      bulkActions={bulkActions}
      pagination={pagination}
      emptyState={emptyState}
      headings={[
        { title: t("inbox.column.customer") },
        { title: t("inbox.column.lastMessage") },
        { title: t("inbox.column.channel") },
        { title: t("inbox.column.priority") },
        { title: t("inbox.column.assignee") },
        { title: t("inbox.column.waiting") },
        { title: t("inbox.column.sla") },
      ]}
    >
      {rows.map((conversation, index) => (
        <Row
          key={conversation.id}
          conversation={conversation}
          position={index}
          selected={selected.includes(conversation.id)}
          now={now}
          myId={myId}
        />
      ))}
    </IndexTable>
  );
}

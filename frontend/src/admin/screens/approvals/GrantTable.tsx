/** The credit requests as a table: the queue (with Approve / Reject) or the recent decisions. */
import { Badge, BlockStack, Button, IndexTable, InlineStack, Text, type IndexTableProps } from "@shopify/polaris";
import { useI18n } from "../../i18n";
import { canApproveState, canRejectState, type Decision } from "./rules";
import type { Grant, GrantState } from "./types";

export type GrantView = "pending" | "recent";

export interface GrantTableProps {
  grants: Grant[];
  view: GrantView;
  timeZone: string;
  /** Whether the signed-in agent may decide at all (the policy's approve role). */
  mayDecide: boolean;
  /** Whether this grant is the agent's own request (approving it is not allowed). */
  isOwn: (grant: Grant) => boolean;
  onDecide: (grant: Grant, decision: Decision) => void;
}

const STATE_TONES: Partial<Record<GrantState, "success" | "critical" | "attention" | "info" | "warning">> = {
  issued: "success",
  failed: "critical",
  rejected: "critical",
  uncertain: "warning",
  awaiting_feedback: "attention",
  approved: "info",
  issuing: "info",
};

export function GrantTable({ grants, view, timeZone, mayDecide, isOwn, onDecide }: GrantTableProps) {
  const { t, formatMoney, formatDateTime } = useI18n();
  const pending = view === "pending";
  const headings: IndexTableProps["headings"] = [
    { title: t("approvals.col.amount") },
    { title: t("approvals.col.customer") },
    { title: t("approvals.col.order") },
    { title: t("approvals.col.reason") },
    ...(pending
      ? [{ title: t("approvals.col.requestedBy") }, { title: t("approvals.col.requestedAt") }]
      : [
          { title: t("approvals.col.state") },
          { title: t("approvals.col.decidedBy") },
          { title: t("approvals.col.when") },
        ]),
    { title: t("approvals.col.conversation") },
    { title: t("approvals.col.actions") },
  ];

  const rows = grants.map((grant, index) => {
    const amount = formatMoney(grant.amount, grant.currency);
    const labels = { amount, customer: grant.customer.name };
    const own = isOwn(grant);
    const approve = mayDecide && canApproveState(grant.state);
    const reject = mayDecide && canRejectState(grant.state);
    const when = grant.issued_at ?? grant.decided_at ?? grant.requested_at;
    return (
      <IndexTable.Row id={grant.id} key={grant.id} position={index}>
        <IndexTable.Cell>
          <Text as="span" fontWeight="semibold">
            {amount}
          </Text>
        </IndexTable.Cell>
        <IndexTable.Cell>{grant.customer.name}</IndexTable.Cell>
        <IndexTable.Cell>{grant.order.name}</IndexTable.Cell>
        <IndexTable.Cell>
          <BlockStack gap="100">
            <span>{t(`credit.reason.${grant.reason}`)}</span>
            {grant.note !== "" && (
              <Text as="span" tone="subdued">
                {grant.note}
              </Text>
            )}
          </BlockStack>
        </IndexTable.Cell>
        {pending ? (
          <>
            <IndexTable.Cell>{grant.requested_by?.name ?? t("approvals.byApp")}</IndexTable.Cell>
            <IndexTable.Cell>{formatDateTime(grant.requested_at, timeZone)}</IndexTable.Cell>
          </>
        ) : (
          <>
            <IndexTable.Cell>
              <Badge tone={STATE_TONES[grant.state]}>{t(`approvals.state.${grant.state}`)}</Badge>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <BlockStack gap="100">
                <span>{grant.decided_by?.name ?? (grant.decided_at ? t("approvals.bySystem") : "")}</span>
                {grant.decision_note !== "" && (
                  <Text as="span" tone="subdued">
                    {t("approvals.decisionNote", { note: grant.decision_note })}
                  </Text>
                )}
                {grant.state === "failed" && grant.error_message !== "" && (
                  <Text as="span" tone="critical">
                    {t("approvals.failure", { message: grant.error_message })}
                  </Text>
                )}
              </BlockStack>
            </IndexTable.Cell>
            <IndexTable.Cell>{formatDateTime(when, timeZone)}</IndexTable.Cell>
          </>
        )}
        <IndexTable.Cell>
          {grant.conversation_id === null ? (
            t("approvals.noConversation")
          ) : (
            <Button
              variant="plain"
              url={`/app/conversations/${grant.conversation_id}`}
              accessibilityLabel={t("approvals.openConversationOf", { customer: grant.customer.name })}
            >
              {t("approvals.openConversation")}
            </Button>
          )}
        </IndexTable.Cell>
        <IndexTable.Cell>
          <BlockStack gap="100">
            <InlineStack gap="200" wrap={false}>
              {approve && (
                <Button
                  variant="primary"
                  disabled={own}
                  accessibilityLabel={t("approvals.approveLabel", labels)}
                  onClick={() => onDecide(grant, "approve")}
                >
                  {t("approvals.approve")}
                </Button>
              )}
              {reject && (
                <Button
                  tone="critical"
                  accessibilityLabel={t("approvals.rejectLabel", labels)}
                  onClick={() => onDecide(grant, "reject")}
                >
                  {t("approvals.reject")}
                </Button>
              )}
            </InlineStack>
            {approve && own && (
              <Text as="span" tone="subdued">
                {t("approvals.ownRequest")}
              </Text>
            )}
          </BlockStack>
        </IndexTable.Cell>
      </IndexTable.Row>
    );
  });

  return (
    <IndexTable
      resourceName={{ singular: t("approvals.resource.singular"), plural: t("approvals.resource.plural") }}
      itemCount={grants.length}
      selectable={false}
      headings={headings}
      emptyState={
        <div style={{ padding: "1rem" }}>
          <Text as="p" tone="subdued">
            {t(pending ? "approvals.emptyPending" : "approvals.emptyRecent")}
          </Text>
        </div>
      }
    >
      {rows}
    </IndexTable>
  );
}

/**
 * "Issue store credit" in a conversation: what the policy allows for this customer's order right now
 * (GET .../credit, the same rules a request is checked against), the request form, the outcome
 * (issued at once, or waiting for a supervisor), and this conversation's grants with their state.
 */
import { Banner, BlockStack, Card, Divider, Select, Text } from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { useResource } from "../../../api/context";
import { useI18n } from "../../../i18n";
import { ResourceView } from "../../../ResourceView";
import { AllowanceSummary } from "./AllowanceSummary";
import { CreditForm } from "./CreditForm";
import { refusalKey } from "./creditRules";
import { GrantList } from "./GrantList";
import type { ConversationCredit, Grant } from "./types";

export interface CreditActionProps {
  conversationId: string;
  /** Called after a grant was requested (the thread and timeline may have changed). */
  onRequested?: () => void;
  /** Change it to reload quietly, e.g. on a live `conversation.updated` about credit (a grant was
   * approved, issued or failed elsewhere). */
  refreshKey?: string | number;
}

function outcomeKey(grant: Grant): string {
  if (grant.state === "pending_approval") return "panel.credit.outcome.pending";
  if (grant.state === "awaiting_feedback") return "panel.credit.outcome.feedback";
  return "panel.credit.outcome.approved";
}

export default function CreditAction({ conversationId, onRequested, refreshKey }: CreditActionProps) {
  const { t, formatMoney } = useI18n();
  const [orderId, setOrderId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const base = `/api/admin/conversations/${encodeURIComponent(conversationId)}/credit`;
  const path = orderId ? `${base}?${new URLSearchParams({ order_id: orderId }).toString()}` : base;
  const { state, reload } = useResource<ConversationCredit>(path);
  const firstKey = useRef(refreshKey);
  useEffect(() => {
    if (refreshKey !== firstKey.current) reload({ quiet: true });
  }, [refreshKey, reload]);

  function refusalLabel(code: string | null): string {
    const key = refusalKey(code);
    return key ? t(key) : (code ?? "");
  }

  function granted(grant: Grant) {
    setOutcome(t(outcomeKey(grant), { amount: formatMoney(grant.amount, grant.currency) }));
    reload({ quiet: true });
    onRequested?.();
  }

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("panel.credit.title")}
        </Text>
        <div aria-live="polite">
          {outcome ? (
            <Banner tone="success" onDismiss={() => setOutcome(null)}>
              <p>{outcome}</p>
            </Banner>
          ) : null}
        </div>
        <ResourceView state={state} reload={reload}>
          {(data) => {
            const { allowance } = data;
            return (
              <BlockStack gap="300">
                {data.orders.length > 1 && allowance ? (
                  <Select
                    label={t("panel.credit.order")}
                    options={data.orders.map((order) => ({ label: order.name, value: order.id }))}
                    value={allowance.order_id}
                    onChange={(value) => {
                      setOutcome(null);
                      setOrderId(value);
                    }}
                  />
                ) : null}
                {allowance === null ? (
                  <Text as="p" tone="subdued">
                    {t("panel.credit.noOrder")}
                  </Text>
                ) : (
                  <>
                    <AllowanceSummary allowance={allowance} />
                    {allowance.may_request ? (
                      <CreditForm
                        key={allowance.order_id}
                        conversationId={conversationId}
                        allowance={allowance}
                        onGranted={granted}
                      />
                    ) : (
                      <Banner tone="warning" title={t("panel.credit.cannotRequest")}>
                        <p>{refusalLabel(allowance.refusal)}</p>
                      </Banner>
                    )}
                  </>
                )}
                <Divider />
                <GrantList grants={data.grants} />
              </BlockStack>
            );
          }}
        </ResourceView>
      </BlockStack>
    </Card>
  );
}

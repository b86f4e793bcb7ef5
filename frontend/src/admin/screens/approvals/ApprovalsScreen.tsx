/**
 * Store-credit requests waiting for an approver (oldest first), with Approve / Reject, and the
 * recent decisions, issued and failed credits. Who may decide follows the policy's approve role.
 */
import { Banner, BlockStack, Button, ButtonGroup, Card, InlineStack, Page, Select } from "@shopify/polaris";
import { useState } from "react";
import { useMe, useResource } from "../../api/context";
import { useI18n } from "../../i18n";
import { ResourceView } from "../../ResourceView";
import type { CreditPolicy } from "../credit/types";
import { DecisionModal } from "./DecisionModal";
import { GrantTable, type GrantView } from "./GrantTable";
import { isOwnRequest, mayDecide, recentGrants, type Decision } from "./rules";
import { DECIDED_STATES, type Grant, type GrantList, type GrantState } from "./types";

const GRANTS = "/api/admin/credit/grants";
/** The policy's default, until the policy is loaded. */
const DEFAULT_APPROVE_ROLE = "supervisor";

function grantsPath(view: GrantView, state: GrantState | ""): string {
  if (view === "pending") return `${GRANTS}?state=pending_approval`;
  return state === "" ? GRANTS : `${GRANTS}?state=${state}`;
}

export default function ApprovalsScreen() {
  const { t, formatMoney } = useI18n();
  const me = useMe();
  const [view, setView] = useState<GrantView>("pending");
  const [stateFilter, setStateFilter] = useState<GrantState | "">("");
  const [deciding, setDeciding] = useState<{ grant: Grant; decision: Decision } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const policy = useResource<CreditPolicy>("/api/admin/credit/policy");
  const { state, reload, setData } = useResource<GrantList>(grantsPath(view, stateFilter));

  const approveRole = policy.state.status === "ready" ? policy.state.data.approve_role : DEFAULT_APPROVE_ROLE;
  const allowed = mayDecide(me.agent.role, approveRole);

  function switchView(next: GrantView) {
    setView(next);
    setDone(null);
  }

  function decided(updated: Grant) {
    if (deciding === null) return;
    const labels = { amount: formatMoney(updated.amount, updated.currency), customer: updated.customer.name };
    setDone(t(deciding.decision === "approve" ? "approvals.approved" : "approvals.rejectedDone", labels));
    setData((list) => ({
      results:
        view === "pending"
          ? list.results.filter((grant) => grant.id !== updated.id || updated.state === "pending_approval")
          : list.results.map((grant) => (grant.id === updated.id ? updated : grant)),
    }));
    setDeciding(null);
  }

  const stateOptions = [
    { label: t("approvals.stateFilter.all"), value: "" },
    ...DECIDED_STATES.map((value) => ({ label: t(`approvals.state.${value}`), value })),
  ];

  return (
    <Page title={t("nav.approvals")}>
      <BlockStack gap="400">
        <div aria-live="polite">
          {done !== null && (
            <Banner tone="success" onDismiss={() => setDone(null)}>
              <p>{done}</p>
            </Banner>
          )}
        </div>
        {!allowed && (
          <Banner tone="info">
            <p>{t("approvals.readOnly", { role: t(`credit.role.${approveRole}`) })}</p>
          </Banner>
        )}
        <InlineStack gap="400" blockAlign="end" align="space-between">
          <div role="group" aria-label={t("approvals.view.label")}>
            <ButtonGroup variant="segmented">
              <Button pressed={view === "pending"} onClick={() => switchView("pending")}>
                {t("approvals.view.pending")}
              </Button>
              <Button pressed={view === "recent"} onClick={() => switchView("recent")}>
                {t("approvals.view.recent")}
              </Button>
            </ButtonGroup>
          </div>
          <InlineStack gap="300" blockAlign="end">
            {view === "recent" && (
              <Select
              label={t("approvals.stateFilter")}
              options={stateOptions}
              value={stateFilter}
                onChange={(value) => setStateFilter(value as GrantState | "")}
              />
            )}
            <Button onClick={() => reload()}>{t("approvals.refresh")}</Button>
          </InlineStack>
        </InlineStack>
        <ResourceView state={state} reload={reload}>
          {(data) => (
            <Card padding="0">
              <GrantTable
                grants={view === "pending" ? data.results : recentGrants(data.results, stateFilter)}
                view={view}
                timeZone={me.shop.timezone}
                mayDecide={allowed}
                isOwn={(grant) => isOwnRequest(grant, me.agent.id, me.agent.role)}
                onDecide={(grant, decision) => setDeciding({ grant, decision })}
              />
            </Card>
          )}
        </ResourceView>
      </BlockStack>
      {deciding !== null && (
        <DecisionModal
          grant={deciding.grant}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDone={decided}
        />
      )}
    </Page>
  );
}

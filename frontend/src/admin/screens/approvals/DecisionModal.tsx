/**
 * Approve or reject one credit request, with a note (required to reject). A refusal is shown in the
 * dialog with the API's reason; the request stays as it was.
 */
import { Banner, BlockStack, Modal, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { jsonInit, useApi } from "../../api/context";
import { useI18n } from "../../i18n";
import { MAX_NOTE, noteProblem, refusalText, type Decision } from "./rules";
import type { Grant } from "./types";

export interface DecisionModalProps {
  grant: Grant;
  decision: Decision;
  onClose: () => void;
  /** The grant as the API answered after the decision. */
  onDone: (grant: Grant) => void;
}

export function DecisionModal({ grant, decision, onClose, onDone }: DecisionModalProps) {
  const { t, formatMoney } = useI18n();
  const apiFetch = useApi();
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const approve = decision === "approve";

  async function submit() {
    const problem = noteProblem(decision, note);
    if (problem !== null) {
      setNoteError(t(problem));
      return;
    }
    setNoteError(null);
    setRefusal(null);
    setSending(true);
    try {
      const updated = await apiFetch<Grant>(
        `/api/admin/credit/grants/${grant.id}/${decision}`,
        jsonInit("POST", { note: note.trim() }),
      );
      onDone(updated);
    } catch (error) {
      setRefusal(refusalText(t, "approvals.refusal", error));
      setSending(false);
    }
  }

  return (
    <Modal
      open
      onClose={onClose}
      title={t(approve ? "approvals.modal.approveTitle" : "approvals.modal.rejectTitle")}
      primaryAction={{
        content: t(approve ? "approvals.approve" : "approvals.reject"),
        destructive: !approve,
        loading: sending,
        onAction: () => void submit(),
      }}
      secondaryActions={[{ content: t("common.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {refusal !== null && (
            <Banner tone="critical" title={t("approvals.refused")}>
              <p>{refusal}</p>
            </Banner>
          )}
          <Text as="p">
            {t("approvals.modal.summary", {
              amount: formatMoney(grant.amount, grant.currency),
              customer: grant.customer.name,
              order: grant.order.name,
              reason: t(`credit.reason.${grant.reason}`),
            })}
          </Text>
          {grant.note !== "" && (
            <Text as="p" tone="subdued">
              {t("approvals.modal.requestNote", { note: grant.note })}
            </Text>
          )}
          <TextField
            label={t("approvals.note.label")}
            value={note}
            onChange={(value) => {
              setNote(value);
              setNoteError(null);
            }}
            multiline={3}
            maxLength={MAX_NOTE}
            autoComplete="off"
            requiredIndicator={!approve}
            helpText={t(approve ? "approvals.note.approveHelp" : "approvals.note.rejectHelp")}
            error={noteError ?? undefined}
          />
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

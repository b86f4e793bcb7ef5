/**
 * The request form: amount (checked against the allowance before anything is sent), reason, note.
 * A refusal shows its reason and changes nothing else; a retried click reuses its `client_id`, so
 * the server makes one grant.
 */
import { Banner, BlockStack, Button, Form, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { ApiError } from "../../../api/client";
import { errorReason, jsonInit, useApi } from "../../../api/context";
import { useI18n } from "../../../i18n";
import { checkAmount, labelOr, needsApproval, newClientId, refusalKey } from "./creditRules";
import type { CreditAllowance, CreditRequestBody, Grant } from "./types";

export interface CreditFormProps {
  conversationId: string;
  allowance: CreditAllowance;
  /** After a grant was made (or found again for a retried click). */
  onGranted: (grant: Grant) => void;
}

function refusalText(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError) {
    const code = (error.body as { code?: unknown } | undefined)?.code;
    const key = refusalKey(code);
    return key ? t(key) : error.reason;
  }
  return errorReason(error);
}

export function CreditForm({ conversationId, allowance, onGranted }: CreditFormProps) {
  const { t, formatMoney } = useI18n();
  const apiFetch = useApi();
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState(allowance.reasons[0] ?? "");
  const [note, setNote] = useState("");
  const [clientId, setClientId] = useState(newClientId);
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const check = checkAmount(amount, allowance);
  const max = formatMoney(allowance.max_amount, allowance.currency);
  const amountError = touched && !check.ok ? t(`panel.credit.amountError.${check.error}`, { max }) : undefined;
  const waits = check.ok && needsApproval(check.amount, allowance);

  async function submit() {
    setTouched(true);
    if (!check.ok || sending) return;
    const body: CreditRequestBody = {
      order_id: allowance.order_id,
      amount: check.amount,
      currency: allowance.currency,
      reason,
      note: note.trim(),
      client_id: clientId,
    };
    setSending(true);
    setRefusal(null);
    try {
      const grant = await apiFetch<Grant>(
        `/api/admin/conversations/${encodeURIComponent(conversationId)}/credit`,
        jsonInit("POST", body),
      );
      setAmount("");
      setNote("");
      setTouched(false);
      setClientId(newClientId());
      onGranted(grant);
    } catch (error) {
      setRefusal(refusalText(error, t));
    } finally {
      setSending(false);
    }
  }

  return (
    <Form onSubmit={() => void submit()}>
      <FormLayout>
        {refusal ? (
          <Banner tone="critical" title={t("panel.credit.refused")}>
            <p>{refusal}</p>
          </Banner>
        ) : null}
        <TextField
          label={t("panel.credit.amount")}
          value={amount}
          onChange={setAmount}
          onBlur={() => setTouched(amount !== "")}
          inputMode="decimal"
          autoComplete="off"
          suffix={allowance.currency}
          helpText={t("panel.credit.amountHelp", { max })}
          error={amountError}
        />
        <div aria-live="polite">
          {waits ? (
            <Text as="p" tone="caution">
              {t("panel.credit.waitsForApproval")}
            </Text>
          ) : null}
        </div>
        <Select
          label={t("panel.credit.reason")}
          options={allowance.reasons.map((code) => ({
            label: labelOr(t, `panel.credit.reason.${code}`, code),
            value: code,
          }))}
          value={reason}
          onChange={setReason}
        />
        <TextField
          label={t("panel.credit.note")}
          value={note}
          onChange={setNote}
          multiline={2}
          maxLength={1000}
          autoComplete="off"
          helpText={t("panel.credit.noteHelp")}
        />
        <BlockStack inlineAlign="start">
          <Button submit variant="primary" loading={sending}>
            {t("panel.credit.submit")}
          </Button>
        </BlockStack>
      </FormLayout>
    </Form>
  );
}

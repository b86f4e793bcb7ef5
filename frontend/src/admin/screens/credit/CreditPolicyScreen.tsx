/**
 * The shop's store-credit policy. Every agent sees it; owners and admins change it. The form's own
 * checks and the API's 400 both mark the fields at fault; nothing is saved then.
 */
import { Banner, BlockStack, Form, Page } from "@shopify/polaris";
import { useState } from "react";
import { ApiError } from "../../api/client";
import { jsonInit, useApi, useMe, useResource } from "../../api/context";
import { useI18n } from "../../i18n";
import { ResourceView } from "../../ResourceView";
import { refusalText } from "../approvals/rules";
import { PolicyFields } from "./PolicyFields";
import {
  apiFieldErrors,
  FIELD_NAMES,
  formFromPolicy,
  policyBody,
  type PolicyBody,
  type PolicyForm,
} from "./policyForm";
import { canEditSettings } from "./roles";
import type { CreditPolicy } from "./types";

const POLICY = "/api/admin/credit/policy";

type Outcome = { kind: "saved" } | { kind: "fields" } | { kind: "refused"; reason: string } | null;

function EditPolicy({ policy, editable }: { policy: CreditPolicy; editable: boolean }) {
  const { t } = useI18n();
  const apiFetch = useApi();
  const [saved, setSaved] = useState(policy);
  const [form, setForm] = useState<PolicyForm>(() => formFromPolicy(policy));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(form) !== JSON.stringify(formFromPolicy(saved));

  function change(patch: Partial<PolicyForm>) {
    setForm((current) => ({ ...current, ...patch }));
    const touched: string[] = Object.keys(patch).map((key) => FIELD_NAMES[key as keyof PolicyForm]);
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([name]) => !touched.includes(name))));
    if (outcome?.kind === "saved") setOutcome(null);
  }

  async function save() {
    if (!editable || saving || !dirty) return;
    const { body, errors: found } = policyBody(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setOutcome({ kind: "fields" });
      return;
    }
    setSaving(true);
    setOutcome(null);
    try {
      const updated = await apiFetch<CreditPolicy>(POLICY, jsonInit("PUT", body));
      setSaved(updated);
      setForm(formFromPolicy(updated));
      setOutcome({ kind: "saved" });
    } catch (error) {
      const fields = error instanceof ApiError && error.status === 400 ? apiFieldErrors(error.body) : {};
      setErrors(fields);
      setOutcome(
        Object.keys(fields).length > 0
          ? { kind: "fields" }
          : { kind: "refused", reason: refusalText(t, "credit.error", error) },
      );
    } finally {
      setSaving(false);
    }
  }

  const fieldErrors: Partial<Record<keyof PolicyBody, string>> = {};
  for (const [name, code] of Object.entries(errors)) {
    const key = `credit.error.${code}`;
    const text = t(key);
    fieldErrors[name as keyof PolicyBody] = text === key ? code : text;
  }

  return (
    <Page
      title={t("nav.credit")}
      primaryAction={
        editable
          ? { content: t("common.save"), disabled: !dirty, loading: saving, onAction: () => void save() }
          : undefined
      }
    >
      <BlockStack gap="400">
        <div aria-live="polite">
          {outcome?.kind === "saved" && (
            <Banner tone="success" onDismiss={() => setOutcome(null)}>
              <p>{t("credit.saved")}</p>
            </Banner>
          )}
          {outcome?.kind === "fields" && (
            <Banner tone="critical" title={t("credit.notSaved")}>
              <p>{t("credit.fixFields")}</p>
            </Banner>
          )}
          {outcome?.kind === "refused" && (
            <Banner tone="critical" title={t("credit.notSaved")}>
              <p>{outcome.reason}</p>
            </Banner>
          )}
        </div>
        {!editable && (
          <Banner tone="info">
            <p>{t("credit.readOnly")}</p>
          </Banner>
        )}
        <Form onSubmit={() => void save()}>
          <PolicyFields
            form={form}
            onChange={change}
            errors={fieldErrors}
            disabled={!editable}
            currency={saved.currency}
          />
        </Form>
      </BlockStack>
    </Page>
  );
}

export default function CreditPolicyScreen() {
  const { t } = useI18n();
  const me = useMe();
  const { state, reload } = useResource<CreditPolicy>(POLICY);
  const editable = canEditSettings(me.agent.role);
  if (state.status !== "ready") {
    return (
      <Page title={t("nav.credit")}>
        <ResourceView state={state} reload={reload}>
          {() => null}
        </ResourceView>
      </Page>
    );
  }
  return <EditPolicy policy={state.data} editable={editable} />;
}

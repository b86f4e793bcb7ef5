/**
 * Support settings: how long conversations are kept, from what lifetime spend a customer is high
 * value, and when follow-ups are due. Owners and admins change them; everyone else reads.
 */
import { Banner, BlockStack, Button, Card, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { jsonInit, useApi, useMe } from "../../api/context";
import { useI18n } from "../../i18n";
import { refusalOf, refusalText, type Refusal } from "./apiErrors";
import {
  formFromSettings,
  supportBody,
  validateSupport,
  type SupportError,
  type SupportField,
  type SupportForm,
  type SupportSettings,
} from "./supportSettingsForm";

export const SUPPORT_PATH = "/api/admin/settings/support";

const FIELDS: { field: SupportField; suffix?: string }[] = [
  { field: "retention_months", suffix: "settings.support.unit.months" },
  { field: "high_value_threshold" },
  { field: "checkin_after_days", suffix: "settings.support.unit.days" },
  { field: "nudge_after_hours", suffix: "settings.support.unit.hours" },
  { field: "resolve_after_hours", suffix: "settings.support.unit.hours" },
  { field: "dispute_deadline_hours", suffix: "settings.support.unit.hours" },
];

export function SupportSettingsCard({
  settings,
  canEdit,
  onSaved,
}: {
  settings: SupportSettings;
  canEdit: boolean;
  onSaved: (settings: SupportSettings) => void;
}) {
  const { t } = useI18n();
  const apiFetch = useApi();
  const { shop } = useMe();
  const [form, setForm] = useState<SupportForm>(() => formFromSettings(settings));
  const [errors, setErrors] = useState<Partial<Record<SupportField, SupportError>>>({});
  const [fields, setFields] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const changed = Object.keys(supportBody(form, settings)).length > 0;

  const message = (error: SupportError | undefined) =>
    error === undefined ? undefined : error.key === "settings.support.error.range" ? t(error.key, error) : t(error.key);

  async function save() {
    const found = validateSupport(form);
    setErrors(found);
    setFields({});
    setRefusal(null);
    setSaved(false);
    if (Object.keys(found).length > 0 || !changed) return;
    setSaving(true);
    try {
      const state = await apiFetch<SupportSettings>(SUPPORT_PATH, jsonInit("PUT", supportBody(form, settings)));
      setForm(formFromSettings(state));
      setSaved(true);
      onSaved(state);
    } catch (error) {
      const refused = refusalOf(error);
      setFields(refused.fields);
      setRefusal(refused);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("settings.support.title")}
        </Text>
        {refusal !== null && (
          <Banner tone="critical" title={t("settings.saveFailed")} onDismiss={() => setRefusal(null)}>
            <p>{refusalText(t, "settings", refusal)}</p>
          </Banner>
        )}
        <FormLayout>
          {FIELDS.map(({ field, suffix }) => (
            <TextField
              key={field}
              label={t(`settings.support.${field}`)}
              helpText={t(`settings.support.${field}.help`)}
              type={field === "high_value_threshold" ? "text" : "number"}
              inputMode={field === "high_value_threshold" ? "decimal" : "numeric"}
              autoComplete="off"
              suffix={suffix ? t(suffix) : shop.currency}
              placeholder={field === "high_value_threshold" ? t("settings.support.thresholdOff") : undefined}
              value={form[field]}
              disabled={!canEdit || saving}
              error={message(errors[field]) ?? fields[field]}
              onChange={(value) => {
                setForm((current) => ({ ...current, [field]: value }));
                setSaved(false);
              }}
            />
          ))}
        </FormLayout>
        {canEdit && (
          <InlineStack gap="300" blockAlign="center">
            <Button variant="primary" loading={saving} disabled={!changed} onClick={() => void save()}>
              {t("settings.support.save")}
            </Button>
            <div aria-live="polite">
              {saved && (
                <Text as="span" tone="success">
                  {t("settings.saved")}
                </Text>
              )}
            </div>
          </InlineStack>
        )}
      </BlockStack>
    </Card>
  );
}

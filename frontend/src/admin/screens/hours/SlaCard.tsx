/**
 * SLA targets per priority tier (first response, next response, resolution), business hours or
 * calendar time, restore to defaults; and the escalation ladder each tier's target starts.
 * Only the tiers that changed are sent; nothing is sent while a target is wrong.
 */
import { Badge, Banner, BlockStack, Button, Card, Checkbox, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useId, useState } from "react";
import { jsonInit, useApi } from "../../api/context";
import { useI18n } from "../../i18n";
import { refusalOf, refusalText, type Refusal } from "../settings/apiErrors";
import { EscalationLadder } from "./EscalationLadder";
import {
  formFromSla,
  slaBody,
  TARGETS,
  TIERS,
  toMinutes,
  UNITS,
  validateSla,
  type Amount,
  type SlaForm,
  type SlaState,
  type Target,
  type Tier,
  type TierForm,
} from "./slaForm";

export const SLA_PATH = "/api/admin/settings/sla";

function TargetField({
  tier,
  target,
  value,
  error,
  disabled,
  onChange,
}: {
  tier: Tier;
  target: Target;
  value: Amount;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: Amount) => void;
}) {
  const { t } = useI18n();
  return (
    <TextField
      label={t(`hours.sla.${target}`)}
      type="number"
      min={1}
      autoComplete="off"
      value={value.amount}
      disabled={disabled}
      error={error}
      onChange={(amount) => onChange({ ...value, amount })}
      connectedRight={
        <Select
          label={t("hours.sla.unit", { target: t(`hours.sla.${target}`), tier })}
          labelHidden
          options={UNITS.map((unit) => ({ label: t(`hours.sla.unit.${unit}`), value: unit }))}
          value={value.unit}
          disabled={disabled}
          onChange={(unit) => onChange({ ...value, unit: unit as Amount["unit"] })}
        />
      }
    />
  );
}

function TierFields({
  tier,
  form,
  isDefault,
  errors,
  disabled,
  onChange,
}: {
  tier: Tier;
  form: TierForm;
  isDefault: boolean;
  errors: Record<string, string>;
  disabled: boolean;
  onChange: (form: TierForm) => void;
}) {
  const { t } = useI18n();
  const title = t(`hours.sla.tier.${tier}`);
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId}>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h3" variant="headingSm" id={headingId}>
            {title}
          </Text>
          <Badge tone={isDefault ? undefined : "info"}>
            {isDefault ? t("hours.sla.default") : t("hours.sla.custom")}
          </Badge>
        </InlineStack>
        {form.restore ? (
          <InlineStack gap="200" blockAlign="center">
            <Text as="p">{t("hours.sla.willRestore")}</Text>
            <Button variant="plain" onClick={() => onChange({ ...form, restore: false })}>
              {t("hours.sla.undoRestore")}
            </Button>
          </InlineStack>
        ) : (
          <>
            <InlineStack gap="300" wrap>
              {TARGETS.map((target) => (
                <TargetField
                  key={target}
                  tier={tier}
                  target={target}
                  value={form.targets[target]}
                  error={errors[`${tier}.${target}`]}
                  disabled={disabled}
                  onChange={(value) => onChange({ ...form, targets: { ...form.targets, [target]: value } })}
                />
              ))}
            </InlineStack>
            <Checkbox
              label={t("hours.sla.businessHours")}
              helpText={t("hours.sla.businessHoursHelp")}
              checked={form.businessHours}
              disabled={disabled}
              onChange={(businessHours) => onChange({ ...form, businessHours })}
            />
            {!disabled && !isDefault && (
              <InlineStack>
                <Button
                  variant="plain"
                  accessibilityLabel={t("hours.sla.restoreTier", { tier: title })}
                  onClick={() => onChange({ ...form, restore: true })}
                >
                  {t("hours.sla.restore")}
                </Button>
              </InlineStack>
            )}
            <EscalationLadder targetMinutes={toMinutes(form.targets.first_response_minutes)} />
          </>
        )}
      </BlockStack>
    </div>
  );
}

export function SlaCard({
  sla,
  canEdit,
  onSaved,
}: {
  sla: SlaState;
  canEdit: boolean;
  onSaved: (sla: SlaState) => void;
}) {
  const { t } = useI18n();
  const apiFetch = useApi();
  const [form, setForm] = useState<SlaForm>(() => formFromSla(sla));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const body = slaBody(form, sla);
  const changed = Object.keys(body).length > 0;

  async function save() {
    const found = validateSla(form);
    setErrors(Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key)])));
    setRefusal(null);
    setSaved(false);
    if (Object.keys(found).length > 0 || !changed) return;
    setSaving(true);
    try {
      const state = await apiFetch<SlaState>(SLA_PATH, jsonInit("PUT", body));
      setForm(formFromSla(state));
      setSaved(true);
      onSaved(state);
    } catch (error) {
      const refused = refusalOf(error);
      setErrors(refused.fields);
      setRefusal(refused);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t("hours.sla.title")}
          </Text>
          <Text as="p" tone="subdued">
            {t("hours.sla.intro")}
          </Text>
        </BlockStack>
        {refusal !== null && (
          <Banner tone="critical" title={t("hours.saveFailed")} onDismiss={() => setRefusal(null)}>
            <p>{refusalText(t, "hours.sla", refusal)}</p>
          </Banner>
        )}
        {TIERS.map((tier) => (
          <TierFields
            key={tier}
            tier={tier}
            form={form[tier]}
            isDefault={sla[tier].default}
            errors={errors}
            disabled={!canEdit || saving}
            onChange={(tierForm) => {
              setForm((current) => ({ ...current, [tier]: tierForm }));
              setSaved(false);
            }}
          />
        ))}
        {canEdit && (
          <InlineStack gap="300" blockAlign="center">
            <Button variant="primary" loading={saving} disabled={!changed} onClick={() => void save()}>
              {t("hours.sla.save")}
            </Button>
            <div aria-live="polite">
              {saved && (
                <Text as="span" tone="success">
                  {t("hours.sla.saved")}
                </Text>
              )}
            </div>
          </InlineStack>
        )}
      </BlockStack>
    </Card>
  );
}

/** The policy's fields, grouped in cards. Each field shows its own error (already in words). */
import { BlockStack, Card, Checkbox, ChoiceList, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n";
import type { PolicyBody, PolicyForm } from "./policyForm";
import { ROLES } from "./roles";
import { CREDIT_REASONS, INSTRUMENTS } from "./types";

export interface PolicyFieldsProps {
  form: PolicyForm;
  onChange: (patch: Partial<PolicyForm>) => void;
  /** Error texts by the API's field name. */
  errors: Partial<Record<keyof PolicyBody, string>>;
  disabled: boolean;
  currency: string;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}

export function PolicyFields({ form, onChange, errors, disabled, currency }: PolicyFieldsProps) {
  const { t } = useI18n();
  const roleOptions = ROLES.map((role) => ({ label: t(`credit.role.${role}`), value: role }));
  const money = { prefix: currency, inputMode: "decimal" as const, autoComplete: "off", disabled };

  return (
    <BlockStack gap="400">
      <Section title={t("credit.section.limits")}>
        <Text as="p" tone="subdued">
          {t("credit.section.limitsHelp", { currency })}
        </Text>
        <FormLayout>
          <FormLayout.Group>
            <TextField
              label={t("credit.field.maxOrderShare")}
              value={form.maxOrderShare}
              onChange={(maxOrderShare) => onChange({ maxOrderShare })}
              suffix="%"
              inputMode="decimal"
              autoComplete="off"
              disabled={disabled}
              helpText={t("credit.field.maxOrderShareHelp")}
              error={errors.max_order_share}
            />
            <TextField
              label={t("credit.field.autoApproveBelow")}
              value={form.autoApproveBelow}
              onChange={(autoApproveBelow) => onChange({ autoApproveBelow })}
              helpText={t("credit.field.autoApproveBelowHelp")}
              error={errors.auto_approve_below}
              {...money}
            />
          </FormLayout.Group>
          <FormLayout.Group>
            <TextField
              label={t("credit.field.maxPerGrant")}
              value={form.maxPerGrant}
              onChange={(maxPerGrant) => onChange({ maxPerGrant })}
              helpText={t("credit.field.noLimitHelp")}
              error={errors.max_per_grant}
              {...money}
            />
            <TextField
              label={t("credit.field.maxPerCustomer")}
              value={form.maxPerCustomer30d}
              onChange={(maxPerCustomer30d) => onChange({ maxPerCustomer30d })}
              helpText={t("credit.field.noLimitHelp")}
              error={errors.max_per_customer_30d}
              {...money}
            />
          </FormLayout.Group>
          <TextField
            label={t("credit.field.expiryDays")}
            value={form.expiryDays}
            onChange={(expiryDays) => onChange({ expiryDays })}
            inputMode="numeric"
            autoComplete="off"
            disabled={disabled}
            helpText={t("credit.field.expiryDaysHelp")}
            error={errors.expiry_days}
          />
        </FormLayout>
      </Section>
      <Section title={t("credit.section.reasons")}>
        <ChoiceList
          title={t("credit.field.reasons")}
          allowMultiple
          choices={CREDIT_REASONS.map((reason) => ({ label: t(`credit.reason.${reason}`), value: reason }))}
          selected={form.reasons}
          onChange={(reasons) => onChange({ reasons })}
          disabled={disabled}
          error={errors.reasons}
        />
      </Section>
      <Section title={t("credit.section.roles")}>
        <FormLayout>
          <FormLayout.Group>
            <Select
              label={t("credit.field.requestRole")}
              options={roleOptions}
              value={form.requestRole}
              onChange={(requestRole) => onChange({ requestRole })}
              disabled={disabled}
              error={errors.request_role}
            />
            <Select
              label={t("credit.field.approveRole")}
              options={roleOptions}
              value={form.approveRole}
              onChange={(approveRole) => onChange({ approveRole })}
              disabled={disabled}
              error={errors.approve_role}
            />
          </FormLayout.Group>
        </FormLayout>
      </Section>
      <Section title={t("credit.section.issuing")}>
        <ChoiceList
          title={t("credit.field.instrument")}
          choices={INSTRUMENTS.map((value) => ({ label: t(`credit.instrument.${value}`), value }))}
          selected={[form.instrument]}
          onChange={([instrument]) => onChange({ instrument: instrument ?? form.instrument })}
          disabled={disabled}
          error={errors.instrument}
        />
      </Section>
      <Section title={t("credit.section.offers")}>
        <BlockStack gap="300">
          <Checkbox
            label={t("credit.field.offerLateOrders")}
            helpText={t("credit.field.offerLateOrdersHelp")}
            checked={form.offerLateOrders}
            onChange={(offerLateOrders) => onChange({ offerLateOrders })}
            disabled={disabled}
            error={errors.offer_late_orders}
          />
          <Checkbox
            label={t("credit.field.feedbackFirst")}
            helpText={t("credit.field.feedbackFirstHelp")}
            checked={form.feedbackFirst}
            onChange={(feedbackFirst) => onChange({ feedbackFirst })}
            disabled={disabled}
            error={errors.feedback_first}
          />
        </BlockStack>
      </Section>
    </BlockStack>
  );
}

/**
 * Business hours: the shop's time zone, the weekly schedule, public holidays, its own closed days
 * and the greeting / out-of-hours switches. Checked field by field before saving (nothing is sent
 * while a field is wrong); a server refusal is shown at its field.
 */
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  InlineError,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useMemo, useState } from "react";
import { jsonInit, useApi } from "../../api/context";
import { useI18n } from "../../i18n";
import { refusalOf, refusalText } from "../settings/apiErrors";
import { ClosedDatesEditor } from "./ClosedDatesEditor";
import {
  fieldOfCode,
  formFromHours,
  hasErrors,
  hoursBody,
  parseCountries,
  validateHours,
  type HoursErrors,
  type HoursField,
  type HoursForm,
  type HoursState,
} from "./hoursForm";
import { WeekSchedule } from "./WeekSchedule";

export const HOURS_PATH = "/api/admin/settings/hours";

const NO_ERRORS: HoursErrors = { shifts: {}, days: {} };

interface ServerRefusal {
  field: HoursField;
  message: string;
}

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", ...zones, current])].filter((zone) => zone !== "");
}

function countryNames(codes: string[], locale: string): string {
  try {
    const names = new Intl.DisplayNames(locale, { type: "region" });
    return codes.map((code) => names.of(code) ?? code).join(", ");
  } catch {
    return codes.join(", ");
  }
}

function OpenStatus({ hours }: { hours: HoursState }) {
  const { t, formatDateTime } = useI18n();
  let text = t("hours.status.open");
  if (!hours.open_now) {
    text = hours.next_opening
      ? t("hours.status.closedUntil", { time: formatDateTime(hours.next_opening, hours.timezone) })
      : t("hours.status.closedNoOpening");
  }
  return (
    <Text as="p" tone={hours.open_now ? "success" : "subdued"}>
      {text}
    </Text>
  );
}

export function BusinessHoursCard({
  hours,
  canEdit,
  onSaved,
}: {
  hours: HoursState;
  canEdit: boolean;
  onSaved: (hours: HoursState) => void;
}) {
  const { t, locale } = useI18n();
  const apiFetch = useApi();
  const [form, setForm] = useState<HoursForm>(() => formFromHours(hours));
  const [errors, setErrors] = useState<HoursErrors>(NO_ERRORS);
  const [refusal, setRefusal] = useState<ServerRefusal | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const zones = useMemo(() => timeZones(form.timezone), [form.timezone]);
  const countries = parseCountries(form.countries);

  function change(update: Partial<HoursForm>) {
    setForm((current) => ({ ...current, ...update }));
    setSaved(false);
  }

  async function save() {
    const found = validateHours(form);
    setErrors(found);
    setRefusal(null);
    setSaved(false);
    if (hasErrors(found)) return;
    setSaving(true);
    try {
      const state = await apiFetch<HoursState>(HOURS_PATH, jsonInit("PUT", hoursBody(form)));
      setForm(formFromHours(state));
      setSaved(true);
      onSaved(state);
    } catch (error) {
      const refused = refusalOf(error);
      setRefusal({
        field: refused.status === 400 ? fieldOfCode(refused.code) : "form",
        message: refusalText(t, "hours", refused),
      });
    } finally {
      setSaving(false);
    }
  }

  const serverError = (field: HoursField) => (refusal?.field === field ? refusal.message : undefined);
  const disabled = !canEdit || saving;

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t("hours.title")}
          </Text>
          <OpenStatus hours={hours} />
        </BlockStack>
        {!canEdit && (
          <Banner tone="info">
            <p>{t("hours.readOnly")}</p>
          </Banner>
        )}
        {refusal?.field === "form" && (
          <Banner tone="critical" title={t("hours.saveFailed")} onDismiss={() => setRefusal(null)}>
            <p>{refusal.message}</p>
          </Banner>
        )}
        <Select
          label={t("hours.timezone")}
          options={zones}
          value={form.timezone}
          disabled={disabled}
          error={(errors.timezone && t(errors.timezone)) || serverError("timezone")}
          onChange={(timezone) => change({ timezone })}
        />
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t("hours.weekly")}
          </Text>
          <Text as="p" tone="subdued">
            {t("hours.weeklyHelp")}
          </Text>
          <WeekSchedule
            weekly={form.weekly}
            errors={errors}
            disabled={disabled}
            onChange={(weekly) => change({ weekly })}
          />
          {serverError("weekly") && <InlineError message={serverError("weekly")!} fieldID="hours-weekly" />}
        </BlockStack>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t("hours.holidays")}
          </Text>
          <InlineStack gap="300" wrap>
            <TextField
              label={t("hours.holidayCountries")}
              helpText={countries.length > 0 ? countryNames(countries, locale) : t("hours.holidayCountriesHelp")}
              autoComplete="off"
              value={form.countries}
              disabled={disabled}
              error={(errors.countries && t(errors.countries)) || serverError("countries")}
              onChange={(value) => change({ countries: value })}
            />
            <TextField
              label={t("hours.holidayRegion")}
              helpText={t("hours.holidayRegionHelp")}
              autoComplete="off"
              value={form.subdivision}
              disabled={disabled}
              error={(errors.subdivision && t(errors.subdivision)) || serverError("subdivision")}
              onChange={(value) => change({ subdivision: value })}
            />
          </InlineStack>
        </BlockStack>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t("hours.closedDates")}
          </Text>
          <ClosedDatesEditor
            dates={form.closedDates}
            error={(errors.closedDates && t(errors.closedDates)) || serverError("closedDates")}
            disabled={disabled}
            onChange={(closedDates) => change({ closedDates })}
          />
        </BlockStack>
        <BlockStack gap="100">
          <Checkbox
            label={t("hours.greetingEnabled")}
            checked={form.greetingEnabled}
            disabled={disabled}
            onChange={(greetingEnabled) => change({ greetingEnabled })}
          />
          <Checkbox
            label={t("hours.outOfHoursEnabled")}
            helpText={t("hours.outOfHoursHelp")}
            checked={form.outOfHoursEnabled}
            disabled={disabled}
            onChange={(outOfHoursEnabled) => change({ outOfHoursEnabled })}
          />
        </BlockStack>
        {canEdit && (
          <InlineStack gap="300" blockAlign="center">
            <Button variant="primary" loading={saving} onClick={() => void save()}>
              {t("hours.save")}
            </Button>
            <div aria-live="polite">
              {saved && (
                <Text as="span" tone="success">
                  {t("hours.saved")}
                </Text>
              )}
              {hasErrors(errors) && (
                <Text as="span" tone="critical">
                  {t("hours.fixErrors")}
                </Text>
              )}
            </div>
          </InlineStack>
        )}
      </BlockStack>
    </Card>
  );
}

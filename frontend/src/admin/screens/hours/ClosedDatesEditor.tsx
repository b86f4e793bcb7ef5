/** The merchant's own closed days (besides public holidays): add by date, remove one by one. */
import { BlockStack, Button, InlineError, InlineStack, Tag, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useI18n } from "../../i18n";
import { closedDateError, type HoursError } from "./hoursForm";

export function ClosedDatesEditor({
  dates,
  error,
  disabled,
  onChange,
}: {
  dates: string[];
  /** A problem with the list as a whole (from the form's check or the server). */
  error: string | undefined;
  disabled: boolean;
  onChange: (dates: string[]) => void;
}) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState("");
  const [draftError, setDraftError] = useState<HoursError | null>(null);
  const format = (day: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

  function add() {
    const problem = closedDateError(draft, dates);
    setDraftError(problem);
    if (problem !== null) return;
    onChange([...dates, draft].sort());
    setDraft("");
  }

  return (
    <BlockStack gap="200">
      {dates.length === 0 ? (
        <Text as="p" tone="subdued">
          {t("hours.closedDates.none")}
        </Text>
      ) : (
        <InlineStack gap="200">
          {dates.map((day) => (
            <Tag
              key={day}
              onRemove={disabled ? undefined : () => onChange(dates.filter((d) => d !== day))}
            >
              {format(day)}
            </Tag>
          ))}
        </InlineStack>
      )}
      {error && <InlineError message={error} fieldID="hours-closed-dates" />}
      {!disabled && (
        <TextField
          label={t("hours.closedDates.add")}
          type="date"
          autoComplete="off"
          value={draft}
          error={draftError ? t(draftError) : undefined}
          onChange={(value) => {
            setDraft(value);
            setDraftError(null);
          }}
          connectedRight={<Button onClick={add}>{t("hours.closedDates.addButton")}</Button>}
        />
      )}
    </BlockStack>
  );
}

/** The weekly schedule: per weekday its shifts (split shifts allowed), or closed. */
import { BlockStack, Badge, Button, InlineError, InlineStack, Text, TextField } from "@shopify/polaris";
import { useI18n } from "../../i18n";
import { weekdayName } from "./duration";
import { DAYS, MAX_INTERVALS_PER_DAY, type Day, type HoursErrors, type Shift } from "./hoursForm";

const NEW_SHIFT: Shift = { start: "09:00", end: "17:00" };

export function WeekSchedule({
  weekly,
  errors,
  disabled,
  onChange,
}: {
  weekly: Record<Day, Shift[]>;
  errors: HoursErrors;
  disabled: boolean;
  onChange: (weekly: Record<Day, Shift[]>) => void;
}) {
  const { t, locale } = useI18n();

  function setDay(day: Day, shifts: Shift[]) {
    onChange({ ...weekly, [day]: shifts });
  }

  return (
    <BlockStack gap="300">
      {DAYS.map((day) => {
        const name = weekdayName(day, locale);
        const shifts = weekly[day];
        const dayError = errors.days[day];
        return (
          <BlockStack key={day} gap="200">
            <InlineStack gap="200" blockAlign="center">
              <Text as="h3" variant="headingSm">
                {name}
              </Text>
              {shifts.length === 0 && <Badge>{t("hours.closedAllDay")}</Badge>}
            </InlineStack>
            {shifts.map((shift, index) => {
              const vars = { day: name, n: index + 1 };
              const update = (change: Partial<Shift>) =>
                setDay(
                  day,
                  shifts.map((s, i) => (i === index ? { ...s, ...change } : s)),
                );
              return (
                <InlineStack key={index} gap="200" blockAlign="start" wrap={false}>
                  <TextField
                    label={t("hours.shift.opens", vars)}
                    labelHidden
                    autoComplete="off"
                    placeholder="09:00"
                    value={shift.start}
                    disabled={disabled}
                    error={errors.shifts[`${day}.${index}.start`] && t(errors.shifts[`${day}.${index}.start`]!)}
                    onChange={(start) => update({ start })}
                  />
                  <Text as="span">–</Text>
                  <TextField
                    label={t("hours.shift.closes", vars)}
                    labelHidden
                    autoComplete="off"
                    placeholder="17:00"
                    value={shift.end}
                    disabled={disabled}
                    error={errors.shifts[`${day}.${index}.end`] && t(errors.shifts[`${day}.${index}.end`]!)}
                    onChange={(end) => update({ end })}
                  />
                  {!disabled && (
                    <Button
                      variant="tertiary"
                      accessibilityLabel={t("hours.shift.remove", vars)}
                      onClick={() => setDay(day, shifts.filter((_, i) => i !== index))}
                    >
                      {t("hours.shift.removeShort")}
                    </Button>
                  )}
                </InlineStack>
              );
            })}
            {dayError && <InlineError message={t(dayError)} fieldID={`hours-${day}`} />}
            {!disabled && shifts.length < MAX_INTERVALS_PER_DAY && (
              <InlineStack>
                <Button
                  // The visible words come first in the name (WCAG 2.5.3: what you see is what you say).
                  accessibilityLabel={t("hours.shift.add", {
                    action: shifts.length === 0 ? t("hours.shift.open") : t("hours.shift.addShort"),
                    day: name,
                  })}
                  onClick={() => setDay(day, [...shifts, shifts.length === 0 ? NEW_SHIFT : { start: "", end: "" }])}
                >
                  {shifts.length === 0 ? t("hours.shift.open") : t("hours.shift.addShort")}
                </Button>
              </InlineStack>
            )}
          </BlockStack>
        );
      })}
    </BlockStack>
  );
}

/** What happens after a missed response target, step by step, for one tier's target. */
import { List, Text } from "@shopify/polaris";
import { useI18n } from "../../i18n";
import { formatDuration } from "./duration";
import { ladderFor } from "./slaForm";

export function EscalationLadder({ targetMinutes }: { targetMinutes: number | null }) {
  const { t } = useI18n();
  if (targetMinutes === null) return null;
  return (
    <div>
      <Text as="p" tone="subdued">
        {t("hours.ladder.intro")}
      </Text>
      <List type="number">
        {ladderFor(targetMinutes).map(({ step, afterMinutes }) => (
          <List.Item key={step}>
            {afterMinutes === 0
              ? t(`hours.ladder.atBreach`, { action: t(`hours.ladder.${step}`) })
              : t("hours.ladder.after", { time: formatDuration(afterMinutes, t), action: t(`hours.ladder.${step}`) })}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

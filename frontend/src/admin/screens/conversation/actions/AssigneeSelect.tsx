/**
 * Who works on the conversation: nobody, me, or a colleague (with their
 * presence). When the staff list cannot load, only "me" and "nobody" remain.
 */
import { Select } from "@shopify/polaris";
import { useMe } from "../../../api/context";
import type { Colleague } from "../../../api/colleagues";
import { useI18n } from "../../../i18n";

const NOBODY = "";

export function assigneeOptions(
  colleagues: Colleague[],
  me: { id: string; name: string },
  current: string | null,
  t: (key: string, vars?: Record<string, string>) => string,
): { label: string; value: string }[] {
  const people = colleagues.some((c) => c.id === me.id)
    ? colleagues
    : [{ id: me.id, name: me.name, role: "", presence: "online" as const }, ...colleagues];
  const options = [
    { label: t("conversation.assignee.nobody"), value: NOBODY },
    ...people.map((person) => ({
      label: t(`conversation.assignee.${person.id === me.id ? "me" : person.presence}`, { name: person.name }),
      value: person.id,
    })),
  ];
  if (current !== null && !options.some((option) => option.value === current)) {
    options.push({ label: t("inbox.assignee.other"), value: current });
  }
  return options;
}

export function AssigneeSelect({
  colleagues,
  assigneeId,
  disabled,
  onAssign,
}: {
  colleagues: Colleague[];
  assigneeId: string | null;
  disabled: boolean;
  onAssign: (assigneeId: string | null) => void;
}) {
  const { t } = useI18n();
  const { agent } = useMe();
  return (
    <Select
      label={t("conversation.assignee.label")}
      options={assigneeOptions(colleagues, agent, assigneeId, t)}
      value={assigneeId ?? NOBODY}
      disabled={disabled}
      onChange={(value) => onAssign(value === NOBODY ? null : value)}
    />
  );
}

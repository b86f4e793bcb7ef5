/**
 * The conversation's own controls: assignee (me, a colleague, or nobody),
 * status, snooze until a date-time, and tags.
 * Each change is sent at once; the answer updates the screen.
 */
import { BlockStack, Button, Card, Form, InlineStack, Select, Tag, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { errorReason, useApi, useMe } from "../../../api/context";
import { useI18n } from "../../../i18n";
import { useColleagues } from "../../../api/colleagues";
import { assign, setStatus, setTags, snooze, type SettableStatus } from "../conversationApi";
import type { ConversationDetail } from "../types";
import { AssigneeSelect } from "./AssigneeSelect";
import { localInputValue, snoozeInstant, tomorrowMorning, withTag } from "./snoozeTime";

const SETTABLE: SettableStatus[] = ["open", "pending", "resolved", "closed"];

export function ConversationActions({
  conversation,
  onChange,
}: {
  conversation: ConversationDetail;
  onChange: (change: Partial<ConversationDetail>) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const apiFetch = useApi();
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [until, setUntil] = useState(() => localInputValue(tomorrowMorning(new Date())));
  const [newTag, setNewTag] = useState("");
  const colleagues = useColleagues();

  const run = async (work: () => Promise<Partial<ConversationDetail>>) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await work());
    } catch (reason) {
      setError(errorReason(reason));
    } finally {
      setBusy(false);
    }
  };

  const mine = conversation.assignee_id === me.agent.id;
  const statusOptions = [
    ...SETTABLE.map((status) => ({ label: t(`inbox.status.${status}`), value: status })),
    ...(conversation.status === "snoozed" ? [{ label: t("inbox.status.snoozed"), value: "snoozed", disabled: true }] : []),
  ];

  const addTag = () => {
    const next = withTag(conversation.tags, newTag);
    setNewTag("");
    if (next !== conversation.tags) void run(() => setTags(apiFetch, conversation.id, next));
  };

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingSm">
          {t("conversation.actions.title")}
        </Text>
        <BlockStack gap="200">
          <AssigneeSelect
            colleagues={colleagues}
            assigneeId={conversation.assignee_id}
            disabled={busy}
            onAssign={(id) => void run(() => assign(apiFetch, conversation.id, id))}
          />
          <InlineStack gap="200">
            {!mine ? (
              <Button disabled={busy} onClick={() => void run(() => assign(apiFetch, conversation.id, me.agent.id))}>
                {t("conversation.actions.assignToMe")}
              </Button>
            ) : null}
            {conversation.assignee_id !== null ? (
              <Button disabled={busy} onClick={() => void run(() => assign(apiFetch, conversation.id, null))}>
                {t("conversation.actions.unassign")}
              </Button>
            ) : null}
          </InlineStack>
        </BlockStack>
        <Select
          label={t("conversation.actions.status")}
          options={statusOptions}
          value={conversation.status}
          disabled={busy}
          onChange={(value) => void run(() => setStatus(apiFetch, conversation.id, value as SettableStatus))}
        />
        <Form
          onSubmit={() => {
            const instant = snoozeInstant(until, new Date());
            if (instant === null) setError(t("conversation.actions.snoozeInvalid"));
            else void run(() => snooze(apiFetch, conversation.id, instant));
          }}
        >
          <BlockStack gap="200">
            {conversation.status === "snoozed" && conversation.snoozed_until ? (
              <Text as="p" tone="subdued">
                {t("conversation.actions.snoozedUntil", { time: formatDateTime(conversation.snoozed_until, me.shop.timezone) })}
              </Text>
            ) : null}
            <TextField
              label={t("conversation.actions.snoozeUntil")}
              type="datetime-local"
              value={until}
              onChange={setUntil}
              autoComplete="off"
              connectedRight={
                <Button submit disabled={busy}>
                  {t("conversation.actions.snooze")}
                </Button>
              }
            />
          </BlockStack>
        </Form>
        <BlockStack gap="200">
          <Text as="p">{t("conversation.actions.tags")}</Text>
          {conversation.tags.length > 0 ? (
            <InlineStack gap="100">
              {conversation.tags.map((tag) => (
                <Tag
                  key={tag}
                  disabled={busy}
                  onRemove={() => void run(() => setTags(apiFetch, conversation.id, conversation.tags.filter((x) => x !== tag)))}
                  accessibilityLabel={t("conversation.actions.removeTag", { tag })}
                >
                  {tag}
                </Tag>
              ))}
            </InlineStack>
          ) : null}
          <Form onSubmit={addTag}>
            <TextField
              label={t("conversation.actions.addTag")}
              value={newTag}
              onChange={setNewTag}
              autoComplete="off"
              maxLength={64}
              connectedRight={
                <Button submit disabled={busy || newTag.trim() === ""}>
                  {t("conversation.actions.add")}
                </Button>
              }
            />
          </Form>
        </BlockStack>
        <div aria-live="polite">
          {error ? (
            <Text as="p" tone="critical">
              {error}
            </Text>
          ) : null}
        </div>
      </BlockStack>
    </Card>
  );
}

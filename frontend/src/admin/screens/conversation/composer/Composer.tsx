/**
 * Writes a reply to the shopper or an internal note for the team.
 *
 * - Reply / Internal note switch (`r` / `n` focus either box), Ctrl/Cmd+Enter sends.
 * - Each message gets a client id, kept until it is stored: a retry never doubles it.
 * - A reply promising what the policy does not allow comes back 409 with warnings:
 *   the agent edits it, or sends it anyway (resent with `confirm_promises: true`).
 * - Typing frames go to the socket while the agent types (notes stay among agents).
 */
import { Banner, BlockStack, Box, Button, ButtonGroup, Card, InlineStack, Tag, Text, TextField } from "@shopify/polaris";
import { useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "../../../api/client";
import { errorReason, jsonInit, useApi } from "../../../api/context";
import { useI18n } from "../../../i18n";
import { useRealtimeSend } from "../../../realtime";
import type { WireMessage } from "../../../realtime/events";
import { isTypingTarget } from "../../../shortcuts";
import { useShortcuts } from "../../../shortcutsHelp";
import { conversationPath } from "../conversationApi";
import { normalizeMessage } from "../thread/messages";
import type { Message } from "../types";
import { canSend, confirmed, messageBody, newClientId, type MessageBody } from "./messageBody";
import PromiseWarningsModal from "./PromiseWarningsModal";
import { promiseWarningsOf, type PromiseWarning } from "./promiseWarnings";
import TemplatePicker from "./TemplatePicker";
import { TypingSignal } from "./typingSignal";
import { MAX_ATTACHMENTS, useUploads } from "./useUploads";

export type ComposerMode = "reply" | "note";
const TEMPLATES_ID = "composer-templates";
export const composerFieldId = (mode: ComposerMode) => `composer-${mode}`;

export function Composer({ conversationId, onSent }: { conversationId: string; onSent: (message: Message) => void }) {
  const { t } = useI18n();
  const apiFetch = useApi();
  const sendFrame = useRealtimeSend();
  const [mode, setMode] = useState<ComposerMode>("reply");
  const [drafts, setDrafts] = useState<Record<ComposerMode, string>>({ reply: "", note: "" });
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [warned, setWarned] = useState<{ warnings: PromiseWarning[]; body: MessageBody } | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const clientIds = useRef<Record<ComposerMode, string | null>>({ reply: null, note: null });
  const fileInput = useRef<HTMLInputElement>(null);
  const files = useUploads(conversationId);
  const modeRef = useRef(mode);
  modeRef.current = mode;

  const typing = useMemo(
    () =>
      new TypingSignal({
        send: (state) =>
          sendFrame({
            type: "typing",
            state,
            conversation_id: conversationId,
            ...(modeRef.current === "note" ? { note: true as const } : {}),
          }),
      }),
    [sendFrame, conversationId],
  );
  useEffect(() => () => typing.stop(), [typing]);

  useEffect(() => {
    if (focusRequest > 0) document.getElementById(composerFieldId(mode))?.focus();
  }, [focusRequest, mode]);

  const switchTo = (next: ComposerMode, focus: boolean) => {
    if (next !== mode) typing.stop();
    setMode(next);
    if (focus) setFocusRequest((n) => n + 1);
  };

  const edit = (value: string) => {
    setDrafts((current) => ({ ...current, [mode]: value }));
    clientIds.current[mode] = null; // a changed text is a new message
    setError(null);
    if (value.trim() === "") typing.stop();
    else typing.input();
  };

  const post = async (body: MessageBody, sentMode: ComposerMode) => {
    setSending(true);
    setError(null);
    try {
      const stored = await apiFetch<WireMessage>(`${conversationPath(conversationId)}/messages`, jsonInit("POST", body));
      onSent(normalizeMessage(stored));
      setDrafts((current) => ({ ...current, [sentMode]: "" }));
      clientIds.current[sentMode] = null;
      files.clear();
      setWarned(null);
    } catch (reason) {
      const warnings = reason instanceof ApiError ? promiseWarningsOf(reason) : null;
      if (warnings && !body.confirm_promises) setWarned({ warnings, body });
      else {
        setWarned(null);
        setError(errorReason(reason));
      }
    } finally {
      setSending(false);
    }
  };

  const attachmentIds = files.uploads.map((upload) => upload.id);
  const ready = canSend(drafts[mode], attachmentIds) && !sending && !files.uploading && warned === null;

  const send = () => {
    if (!ready) return;
    typing.stop();
    const clientId = (clientIds.current[mode] ??= newClientId());
    void post(messageBody({ text: drafts[mode], clientId, internal: mode === "note", attachmentIds }), mode);
  };

  useShortcuts({
    send: () => {
      // From the composer's box, or from no field at all: never from another form's field.
      const active = document.activeElement;
      if (isTypingTarget(active) && active?.id !== composerFieldId(mode)) return;
      send();
    },
    focusReply: () => switchTo("reply", true),
    focusNote: () => switchTo("note", true),
  });

  const field = (
    <TextField
      id={composerFieldId(mode)}
      label={mode === "reply" ? t("conversation.composer.reply") : t("conversation.composer.note")}
      value={drafts[mode]}
      onChange={edit}
      onBlur={() => typing.stop()}
      multiline={4}
      maxLength={5000}
      autoComplete="off"
      helpText={t("conversation.composer.help")}
      placeholder={mode === "reply" ? t("conversation.composer.replyPlaceholder") : t("conversation.composer.notePlaceholder")}
    />
  );

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <div role="group" aria-label={t("conversation.composer.mode")}>
            <ButtonGroup variant="segmented">
              <Button pressed={mode === "reply"} onClick={() => switchTo("reply", true)}>
                {t("conversation.composer.replyTab")}
              </Button>
              <Button pressed={mode === "note"} onClick={() => switchTo("note", true)}>
                {t("conversation.composer.noteTab")}
              </Button>
            </ButtonGroup>
          </div>
          <InlineStack gap="200" blockAlign="center">
            <Button
              disclosure={templatesOpen ? "up" : "down"}
              ariaExpanded={templatesOpen}
              ariaControls={TEMPLATES_ID}
              onClick={() => setTemplatesOpen((open) => !open)}
            >
              {t("conversation.composer.templates")}
            </Button>
            <Button onClick={() => fileInput.current?.click()} disabled={files.uploads.length >= MAX_ATTACHMENTS}>
              {t("conversation.composer.attach")}
            </Button>
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              aria-label={t("conversation.composer.chooseFiles")}
              accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
              onChange={(event) => {
                const chosen = Array.from(event.currentTarget.files ?? []);
                event.currentTarget.value = "";
                if (chosen.length > 0) void files.add(chosen, t("conversation.composer.tooManyFiles", { max: MAX_ATTACHMENTS }));
              }}
            />
          </InlineStack>
        </InlineStack>
        {templatesOpen ? (
          <div id={TEMPLATES_ID}>
            <Box padding="300" borderWidth="025" borderColor="border" borderRadius="200">
              <TemplatePicker
                conversationId={conversationId}
                onInsert={(text) => {
                  edit(drafts[mode] ? `${drafts[mode]}\n${text}` : text);
                  setTemplatesOpen(false);
                  setFocusRequest((n) => n + 1);
                }}
              />
            </Box>
          </div>
        ) : null}
        {mode === "note" ? (
          <Box background="bg-surface-warning" padding="300" borderRadius="200">
            <BlockStack gap="200">
              <Text as="p" tone="caution">
                {t("conversation.composer.noteHint")}
              </Text>
              {field}
            </BlockStack>
          </Box>
        ) : (
          field
        )}
        {files.uploads.length > 0 || files.uploading ? (
          <InlineStack gap="200" blockAlign="center">
            {files.uploads.map((upload) => (
              <Tag
                key={upload.id}
                onRemove={() => files.remove(upload.id)}
                accessibilityLabel={t("conversation.composer.removeFile", { name: upload.filename })}
              >
                {upload.filename}
              </Tag>
            ))}
            {files.uploading ? (
              <Text as="span" tone="subdued">
                {t("conversation.composer.uploading")}
              </Text>
            ) : null}
          </InlineStack>
        ) : null}
        <div aria-live="polite">
          {error || files.error ? (
            <Banner tone="critical" onDismiss={() => setError(null)}>
              <p>{error ?? files.error}</p>
            </Banner>
          ) : null}
        </div>
        <InlineStack align="end">
          <Button variant="primary" onClick={send} disabled={!ready} loading={sending}>
            {mode === "reply" ? t("conversation.composer.send") : t("conversation.composer.addNote")}
          </Button>
        </InlineStack>
      </BlockStack>
      {warned ? (
        <PromiseWarningsModal
          warnings={warned.warnings}
          sending={sending}
          onCancel={() => setWarned(null)}
          onConfirm={() => void post(confirmed(warned.body), warned.body.internal ? "note" : "reply")}
        />
      ) : null}
    </Card>
  );
}

/**
 * Reword one of the bot's texts in one language, with a live preview as a shopper would read it
 * (the server fills in sample values and checks the wording as a save would). A wording the bot
 * may not send (a dropped variable, a money promise, HTML) is shown with its reason; saving it is
 * refused by the server and nothing changes.
 */
import { Banner, BlockStack, Box, Button, InlineStack, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { jsonInit, useApi } from "../../api/context";
import { useI18n } from "../../i18n";
import { refusalOf } from "../settings/apiErrors";
import { languageName } from "./languageName";
import { replyRefusalText, variableProblems, type ReplyRow, type ReplyTextEntry } from "./replyTexts";

export const REPLY_TEXTS_PATH = "/api/admin/reply-texts";
/** Wait this long after the last keystroke before asking for a preview. */
export const PREVIEW_DELAY_MS = 300;

export function replyTextPath(key: string, language: string): string {
  return `${REPLY_TEXTS_PATH}/${encodeURIComponent(key)}/${encodeURIComponent(language)}`;
}

type Preview = { status: "loading" } | { status: "ready"; text: string } | { status: "refused"; message: string };

function usePreview(key: string, language: string, body: string): Preview {
  const apiFetch = useApi();
  const { t } = useI18n();
  const [preview, setPreview] = useState<Preview>({ status: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setPreview({ status: "loading" });
      apiFetch<{ text: string }>(`${replyTextPath(key, language)}/preview`, {
        ...jsonInit("POST", { body }),
        signal: controller.signal,
      }).then(
        (answer) => {
          if (!controller.signal.aborted) setPreview({ status: "ready", text: answer.text });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) {
            setPreview({ status: "refused", message: replyRefusalText(t, refusalOf(error)) });
          }
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [apiFetch, t, key, language, body]);
  return preview;
}

export function ReplyTextEditor({
  row,
  language,
  onSaved,
  onCancel,
}: {
  row: ReplyRow;
  language: string;
  onSaved: (entry: ReplyTextEntry) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const apiFetch = useApi();
  const [body, setBody] = useState(row.text.override ?? row.text.default);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const preview = usePreview(row.key, language, body);
  const { missing, unknown } = variableProblems(body, row.variables);

  async function save() {
    setSaving(true);
    setRefusal(null);
    try {
      onSaved(await apiFetch<ReplyTextEntry>(replyTextPath(row.key, language), jsonInit("PUT", { body })));
    } catch (error) {
      setRefusal(replyRefusalText(t, refusalOf(error)));
      setSaving(false);
    }
  }

  return (
    <Box padding="300" background="bg-surface-secondary" borderRadius="200">
      <BlockStack gap="300">
        {refusal !== null && (
          <Banner tone="critical" title={t("autoresponses.replies.saveFailed")} onDismiss={() => setRefusal(null)}>
            <p>{refusal}</p>
          </Banner>
        )}
        <TextField
          label={t("autoresponses.replies.wording", { key: row.key, language: languageName(language, locale) })}
          autoComplete="off"
          multiline={3}
          value={body}
          disabled={saving}
          helpText={
            row.variables.length > 0
              ? t("autoresponses.replies.variables", { names: row.variables.map((name) => `{${name}}`).join(" ") })
              : t("autoresponses.replies.noVariables")
          }
          onChange={setBody}
        />
        {(missing.length > 0 || unknown.length > 0) && (
          <BlockStack gap="100">
            {missing.length > 0 && (
              <Text as="p" tone="critical">
                {t("autoresponses.replies.missing", { names: missing.map((name) => `{${name}}`).join(" ") })}
              </Text>
            )}
            {unknown.length > 0 && (
              <Text as="p" tone="critical">
                {t("autoresponses.replies.unknown", { names: unknown.map((name) => `{${name}}`).join(" ") })}
              </Text>
            )}
          </BlockStack>
        )}
        <BlockStack gap="100">
          <Text as="h4" variant="headingXs">
            {t("autoresponses.replies.preview")}
          </Text>
          <div aria-live="polite" aria-label={t("autoresponses.replies.preview")} role="region">
            {preview.status === "loading" && (
              <Text as="p" tone="subdued">
                {t("autoresponses.replies.previewLoading")}
              </Text>
            )}
            {preview.status === "ready" && <Text as="p">{preview.text}</Text>}
            {preview.status === "refused" && (
              <Text as="p" tone="critical">
                {preview.message}
              </Text>
            )}
          </div>
        </BlockStack>
        <Text as="p" tone="subdued">
          {t("autoresponses.replies.defaultWas", { text: row.text.default })}
        </Text>
        <InlineStack gap="200">
          <Button variant="primary" loading={saving} onClick={() => void save()}>
            {t("autoresponses.replies.save")}
          </Button>
          <Button disabled={saving} onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Box>
  );
}

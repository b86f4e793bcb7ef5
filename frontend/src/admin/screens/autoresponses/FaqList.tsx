/** The shop's FAQ entries, each with Edit and Delete (asked twice) for those who may change them. */
import { Badge, BlockStack, Box, Button, Divider, InlineError, InlineStack, Text } from "@shopify/polaris";
import { Fragment, useState } from "react";
import { useApi } from "../../api/context";
import { useI18n } from "../../i18n";
import { refusalOf, refusalText } from "../settings/apiErrors";
import { FAQ_PATH } from "./FaqEditor";
import type { FaqEntry } from "./faqForm";
import { languageName } from "./languageName";

function EntryRow({
  entry,
  canEdit,
  onEdit,
  onDeleted,
}: {
  entry: FaqEntry;
  canEdit: boolean;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { t, locale } = useI18n();
  const apiFetch = useApi();
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = entry.questions[0] ?? "";

  async function remove() {
    setDeleting(true);
    setError(null);
    try {
      await apiFetch(`${FAQ_PATH}/${entry.id}`, { method: "DELETE" });
      onDeleted();
    } catch (failure) {
      setError(refusalText(t, "autoresponses.faq", refusalOf(failure)));
      setDeleting(false);
      setConfirming(false);
    }
  }

  return (
    <Box paddingBlock="300">
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h3" variant="headingSm">
            {first}
          </Text>
          <Badge>{entry.language ? languageName(entry.language, locale) : t("autoresponses.faq.anyLanguage")}</Badge>
          {!entry.enabled && <Badge tone="attention">{t("autoresponses.faq.off")}</Badge>}
        </InlineStack>
        {entry.questions.length > 1 && (
          <Text as="p" tone="subdued">
            {t("autoresponses.faq.alsoAsked", { questions: entry.questions.slice(1).join(" · ") })}
          </Text>
        )}
        <Text as="p">{entry.answer}</Text>
        {error !== null && <InlineError message={error} fieldID={`faq-${entry.id}`} />}
        {canEdit && !confirming && (
          <InlineStack gap="200">
            <Button accessibilityLabel={t("autoresponses.faq.editEntry", { question: first })} onClick={onEdit}>
              {t("common.edit")}
            </Button>
            <Button
              tone="critical"
              accessibilityLabel={t("autoresponses.faq.deleteEntry", { question: first })}
              onClick={() => setConfirming(true)}
            >
              {t("common.delete")}
            </Button>
          </InlineStack>
        )}
        {canEdit && confirming && (
          <InlineStack gap="200" blockAlign="center">
            <Text as="p">{t("autoresponses.faq.confirmDelete")}</Text>
            <Button variant="primary" tone="critical" loading={deleting} onClick={() => void remove()}>
              {t("autoresponses.faq.confirmDeleteButton")}
            </Button>
            <Button disabled={deleting} onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </Button>
          </InlineStack>
        )}
      </BlockStack>
    </Box>
  );
}

export function FaqList({
  entries,
  canEdit,
  onEdit,
  onDeleted,
}: {
  entries: FaqEntry[];
  canEdit: boolean;
  onEdit: (entry: FaqEntry) => void;
  onDeleted: (id: string) => void;
}) {
  const { t } = useI18n();
  if (entries.length === 0) {
    return (
      <Text as="p" tone="subdued">
        {t("autoresponses.faq.empty")}
      </Text>
    );
  }
  return (
    <div>
      {entries.map((entry, index) => (
        <Fragment key={entry.id}>
          {index > 0 && <Divider />}
          <EntryRow
            entry={entry}
            canEdit={canEdit}
            onEdit={() => onEdit(entry)}
            onDeleted={() => onDeleted(entry.id)}
          />
        </Fragment>
      ))}
    </div>
  );
}

/** The FAQ: the entries, and the editor for a new or an existing one (owners and admins). */
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { useI18n } from "../../i18n";
import { FaqEditor } from "./FaqEditor";
import type { FaqEntry } from "./faqForm";
import { FaqList } from "./FaqList";

export function FaqCard({
  entries,
  canEdit,
  onChange,
}: {
  entries: FaqEntry[];
  canEdit: boolean;
  onChange: (update: (entries: FaqEntry[]) => FaqEntry[]) => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<FaqEntry | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function saved(entry: FaqEntry) {
    const isNew = editing === "new";
    onChange((current) => (isNew ? [...current, entry] : current.map((e) => (e.id === entry.id ? entry : e))));
    setEditing(null);
    setNotice(isNew ? t("autoresponses.faq.added") : t("autoresponses.faq.updated"));
  }

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("autoresponses.faq.title")}
          </Text>
          {canEdit && editing === null && (
            <Button
              variant="primary"
              onClick={() => {
                setEditing("new");
                setNotice(null);
              }}
            >
              {t("autoresponses.faq.add")}
            </Button>
          )}
        </InlineStack>
        <Text as="p" tone="subdued">
          {t("autoresponses.faq.intro")}
        </Text>
        {!canEdit && (
          <Text as="p" tone="subdued">
            {t("autoresponses.readOnly")}
          </Text>
        )}
        <div aria-live="polite">
          {notice !== null && (
            <Text as="p" tone="success">
              {notice}
            </Text>
          )}
        </div>
        {editing !== null && (
          <FaqEditor
            key={editing === "new" ? "new" : editing.id}
            entry={editing === "new" ? null : editing}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        )}
        <FaqList
          entries={entries}
          canEdit={canEdit}
          onEdit={(entry) => {
            setEditing(entry);
            setNotice(null);
          }}
          onDeleted={(id) => {
            onChange((current) => current.filter((entry) => entry.id !== id));
            setNotice(t("autoresponses.faq.deleted"));
          }}
        />
      </BlockStack>
    </Card>
  );
}

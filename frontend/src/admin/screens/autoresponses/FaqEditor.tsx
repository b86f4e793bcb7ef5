/**
 * Add or edit one FAQ entry: the ways shoppers ask it, the answer, its language and switch.
 * Checked before sending (nothing is sent while a field is wrong); the server's refusal (e.g.
 * "a question without words", "the answer is not plain text") is shown with its reason.
 */
import { Banner, BlockStack, Button, Card, Checkbox, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { jsonInit, useApi } from "../../api/context";
import { useI18n } from "../../i18n";
import { refusalOf, refusalText } from "../settings/apiErrors";
import {
  draftFromEntry,
  emptyDraft,
  faqBody,
  hasFaqErrors,
  LANGUAGES,
  MAX_QUESTIONS,
  validateFaq,
  type FaqDraft,
  type FaqEntry,
  type FaqErrors,
} from "./faqForm";
import { languageName } from "./languageName";

export const FAQ_PATH = "/api/admin/faq";

export function FaqEditor({
  entry,
  onSaved,
  onCancel,
}: {
  /** null: a new entry. */
  entry: FaqEntry | null;
  onSaved: (entry: FaqEntry) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const apiFetch = useApi();
  const [draft, setDraft] = useState<FaqDraft>(() => (entry ? draftFromEntry(entry) : emptyDraft()));
  const [errors, setErrors] = useState<FaqErrors>({ questions: {} });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const change = (update: Partial<FaqDraft>) => setDraft((current) => ({ ...current, ...update }));
  const setQuestion = (index: number, value: string) =>
    change({ questions: draft.questions.map((q, i) => (i === index ? value : q)) });

  async function save() {
    const found = validateFaq(draft);
    setErrors(found);
    setRefusal(null);
    setFields({});
    if (hasFaqErrors(found)) return;
    setSaving(true);
    try {
      const saved = await apiFetch<FaqEntry>(
        entry ? `${FAQ_PATH}/${entry.id}` : FAQ_PATH,
        jsonInit(entry ? "PUT" : "POST", faqBody(draft)),
      );
      onSaved(saved);
    } catch (error) {
      const refused = refusalOf(error);
      setFields(refused.fields);
      setRefusal(refusalText(t, "autoresponses.faq", refused));
      setSaving(false);
    }
  }

  const languages = [
    { label: t("autoresponses.faq.anyLanguage"), value: "" },
    ...LANGUAGES.map((code) => ({ label: languageName(code, locale), value: code })),
  ];

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h3" variant="headingSm">
          {entry ? t("autoresponses.faq.editTitle") : t("autoresponses.faq.newTitle")}
        </Text>
        {refusal !== null && (
          <Banner tone="critical" title={t("autoresponses.faq.saveFailed")} onDismiss={() => setRefusal(null)}>
            <p>{refusal}</p>
          </Banner>
        )}
        <Text as="p" tone="subdued">
          {t("autoresponses.faq.questionsHelp")}
        </Text>
        {draft.questions.map((question, index) => (
          <TextField
            key={index}
            label={t("autoresponses.faq.question", { n: index + 1 })}
            autoComplete="off"
            value={question}
            disabled={saving}
            error={
              (errors.questions[index] && t(errors.questions[index]!)) ||
              fields[`questions.${index}`] ||
              (index === 0 ? (errors.questionList && t(errors.questionList)) || fields.questions : undefined)
            }
            onChange={(value) => setQuestion(index, value)}
            connectedRight={
              draft.questions.length > 1 ? (
                <Button
                  accessibilityLabel={t("autoresponses.faq.removeQuestion", { n: index + 1 })}
                  disabled={saving}
                  onClick={() => change({ questions: draft.questions.filter((_, i) => i !== index) })}
                >
                  {t("autoresponses.faq.remove")}
                </Button>
              ) : undefined
            }
          />
        ))}
        {draft.questions.length < MAX_QUESTIONS && (
          <InlineStack>
            <Button disabled={saving} onClick={() => change({ questions: [...draft.questions, ""] })}>
              {t("autoresponses.faq.addQuestion")}
            </Button>
          </InlineStack>
        )}
        <TextField
          label={t("autoresponses.faq.answer")}
          helpText={t("autoresponses.faq.answerHelp")}
          autoComplete="off"
          multiline={4}
          value={draft.answer}
          disabled={saving}
          error={(errors.answer && t(errors.answer)) || fields.answer}
          onChange={(answer) => change({ answer })}
        />
        <Select
          label={t("autoresponses.faq.language")}
          options={languages}
          value={draft.language}
          disabled={saving}
          error={fields.language}
          onChange={(language) => change({ language })}
        />
        <Checkbox
          label={t("autoresponses.faq.enabled")}
          checked={draft.enabled}
          disabled={saving}
          onChange={(enabled) => change({ enabled })}
        />
        <InlineStack gap="200">
          <Button variant="primary" loading={saving} onClick={() => void save()}>
            {t("autoresponses.faq.save")}
          </Button>
          <Button disabled={saving} onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

/**
 * Create, edit or (for agents below admin) read a template in a dialog. The draft's own checks and
 * the API's 400 mark the fields at fault; nothing is saved then.
 */
import { Banner, BlockStack, Checkbox, FormLayout, Modal, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import { jsonInit, useApi } from "../../api/context";
import { useI18n } from "../../i18n";
import { refusalText } from "../approvals/rules";
import {
  apiDraftErrors,
  draftFromTemplate,
  emptyDraft,
  languagesLeft,
  MAX_CATEGORY,
  MAX_NAME,
  templateBody,
  type Draft,
  type DraftErrors,
  type FieldError,
} from "./templateRules";
import type { Template, TemplateVariable } from "./types";
import { VariantField } from "./VariantField";

export interface TemplateEditorProps {
  /** null: a new template. */
  template: Template | null;
  variables: TemplateVariable[] | null;
  readOnly: boolean;
  onClose: () => void;
  onSaved: (template: Template, created: boolean) => void;
}

export function TemplateEditor({ template, variables, readOnly, onClose, onSaved }: TemplateEditorProps) {
  const { t } = useI18n();
  const apiFetch = useApi();
  const [draft, setDraft] = useState<Draft>(() => (template === null ? emptyDraft() : draftFromTemplate(template)));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  function errorText(error: FieldError | undefined): string | undefined {
    if (error === undefined) return undefined;
    const key = `templates.error.${error.code}`;
    const text = t(key, { names: (error.names ?? []).join(", ") });
    return text === key ? error.code : text;
  }

  function update(patch: Partial<Draft>, touched: string[]) {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !touched.includes(field))));
  }

  function setBody(language: string, body: string) {
    update(
      { variants: draft.variants.map((variant) => (variant.language === language ? { language, body } : variant)) },
      [`body.${language}`, "variants"],
    );
  }

  async function save() {
    if (readOnly || saving) return;
    const known = variables === null ? null : variables.map((variable) => variable.name);
    const { body, errors: found } = templateBody(draft, known);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      setProblem(t("templates.fixFields"));
      return;
    }
    setSaving(true);
    try {
      const saved =
        template === null
          ? await apiFetch<Template>("/api/admin/templates", jsonInit("POST", body))
          : await apiFetch<Template>(`/api/admin/templates/${template.id}`, jsonInit("PUT", body));
      onSaved(saved, template === null);
    } catch (error) {
      const fields = apiDraftErrors(error, draft);
      setErrors(fields);
      setProblem(Object.keys(fields).length > 0 ? t("templates.fixFields") : refusalText(t, "templates.error", error));
      setSaving(false);
    }
  }

  const title = readOnly
    ? "templates.editor.viewTitle"
    : template === null
      ? "templates.editor.createTitle"
      : "templates.editor.editTitle";
  const left = languagesLeft(draft);

  return (
    <Modal
      open
      onClose={onClose}
      title={t(title)}
      primaryAction={
        readOnly
          ? undefined
          : {
              content: t(template === null ? "templates.editor.create" : "common.save"),
              loading: saving,
              onAction: () => void save(),
            }
      }
      secondaryActions={[{ content: t(readOnly ? "common.close" : "common.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="400">
          {problem !== null && (
            <Banner tone="critical" title={t("templates.notSaved")}>
              <p>{problem}</p>
            </Banner>
          )}
          <FormLayout>
            <TextField
              label={t("templates.field.name")}
              value={draft.name}
              onChange={(name) => update({ name }, ["name"])}
              maxLength={MAX_NAME}
              autoComplete="off"
              disabled={readOnly}
              requiredIndicator={!readOnly}
              error={errorText(errors.name)}
            />
            <TextField
              label={t("templates.field.category")}
              value={draft.category}
              onChange={(category) => update({ category }, ["category"])}
              maxLength={MAX_CATEGORY}
              autoComplete="off"
              disabled={readOnly}
              helpText={readOnly ? undefined : t("templates.field.categoryHelp")}
              error={errorText(errors.category)}
            />
            <Checkbox
              label={t("templates.field.needsApproval")}
              helpText={t("templates.field.needsApprovalHelp")}
              checked={draft.needsApproval}
              onChange={(needsApproval) => update({ needsApproval }, [])}
              disabled={readOnly}
            />
          </FormLayout>
          {draft.variants.map(({ language, body }) => (
            <VariantField
              key={language}
              language={language}
              body={body}
              error={errorText(errors[`body.${language}`])}
              variables={variables}
              readOnly={readOnly}
              onChange={(text) => setBody(language, text)}
              onRemove={
                draft.variants.length > 1
                  ? () =>
                      update({ variants: draft.variants.filter((variant) => variant.language !== language) }, [
                        `body.${language}`,
                      ])
                  : undefined
              }
            />
          ))}
          {errors.variants !== undefined && (
            <Banner tone="critical">
              <p>{errorText(errors.variants)}</p>
            </Banner>
          )}
          {!readOnly && left.length > 0 && (
            <Select
              label={t("templates.addLanguage")}
              options={[
                { label: t("templates.addLanguagePlaceholder"), value: "" },
                ...left.map((language) => ({ label: t(`templates.language.${language}`), value: language })),
              ]}
              value=""
              onChange={(language) =>
                language !== "" && update({ variants: [...draft.variants, { language, body: "" }] }, ["variants"])
              }
            />
          )}
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

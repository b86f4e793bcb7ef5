/** One language's text of a template, with a list to insert a variable where the cursor is. */
import { BlockStack, Button, InlineStack, Select, TextField } from "@shopify/polaris";
import { useI18n } from "../../i18n";
import { insertAt, MAX_BODY, variableToken } from "./templateRules";
import type { TemplateVariable } from "./types";

export interface VariantFieldProps {
  language: string;
  body: string;
  error?: string;
  /** null: the list is not loaded (no insert list). */
  variables: TemplateVariable[] | null;
  readOnly: boolean;
  onChange: (body: string) => void;
  /** Absent when this is the only language. */
  onRemove?: () => void;
}

export function VariantField({ language, body, error, variables, readOnly, onChange, onRemove }: VariantFieldProps) {
  const { t } = useI18n();
  const languageName = t(`templates.language.${language}`);
  const fieldId = `template-body-${language}`;

  function insert(name: string) {
    if (name === "") return;
    const area = document.getElementById(fieldId) as HTMLTextAreaElement | null;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    const { text, cursor } = insertAt(body, start, end, variableToken(name));
    onChange(text);
    window.setTimeout(() => {
      area?.focus();
      area?.setSelectionRange(cursor, cursor);
    }, 0);
  }

  const describe = (variable: TemplateVariable) => {
    const key = `templates.variable.${variable.name}`;
    const text = t(key);
    return text === key ? variable.description : text;
  };

  return (
    <BlockStack gap="200">
      <TextField
        id={fieldId}
        label={t("templates.field.body", { language: languageName })}
        value={body}
        onChange={onChange}
        multiline={4}
        maxLength={MAX_BODY}
        autoComplete="off"
        disabled={readOnly}
        helpText={readOnly ? undefined : t("templates.field.bodyHelp")}
        error={error}
      />
      {!readOnly && (
        <InlineStack gap="300" blockAlign="end">
          {variables !== null && (
            <Select
              label={t("templates.insertVariable", { language: languageName })}
              options={[
                { label: t("templates.insertVariablePlaceholder"), value: "" },
                ...variables.map((variable) => ({
                  label: t("templates.variableOption", {
                    token: variableToken(variable.name),
                    description: describe(variable),
                  }),
                  value: variable.name,
                })),
              ]}
              value=""
              onChange={insert}
            />
          )}
          {onRemove !== undefined && (
            <Button variant="plain" tone="critical" onClick={onRemove}>
              {t("templates.removeLanguage", { language: languageName })}
            </Button>
          )}
        </InlineStack>
      )}
    </BlockStack>
  );
}

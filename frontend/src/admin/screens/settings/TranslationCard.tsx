/**
 * Machine translation: the provider, its API key (write-only: the screen only says whether one is
 * saved), the switch and the agents' language. Owners and admins change it.
 */
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { jsonInit, useApi } from "../../api/context";
import { useI18n } from "../../i18n";
import { refusalOf, refusalText, type Refusal } from "./apiErrors";

export const TRANSLATION_PATH = "/api/admin/settings/translation";

/** GET /api/admin/settings/translation */
export interface TranslationSettings {
  provider: "" | "deepl" | "google";
  enabled: boolean;
  switched_on: boolean;
  agent_language: string;
  key_set: boolean;
  /** Why translation is off: no_key, no_provider or disabled. */
  reason: string | null;
}

const PROVIDERS = ["", "deepl", "google"] as const;

export interface TranslationDraft {
  provider: string;
  switchedOn: boolean;
  agentLanguage: string;
  /** A new key; blank keeps the saved one. */
  apiKey: string;
}

/** The PUT body: changed fields, and the key only when a new one was typed. */
export function translationBody(draft: TranslationDraft, settings: TranslationSettings): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (draft.provider !== settings.provider) body.provider = draft.provider;
  if (draft.switchedOn !== settings.switched_on) body.enabled = draft.switchedOn;
  if (draft.agentLanguage.trim() !== settings.agent_language) body.agent_language = draft.agentLanguage.trim();
  if (draft.apiKey.trim() !== "") body.api_key = draft.apiKey.trim();
  return body;
}

function draftOf(settings: TranslationSettings): TranslationDraft {
  return {
    provider: settings.provider,
    switchedOn: settings.switched_on,
    agentLanguage: settings.agent_language,
    apiKey: "",
  };
}

export function TranslationCard({
  settings,
  canEdit,
  onSaved,
}: {
  settings: TranslationSettings;
  canEdit: boolean;
  onSaved: (settings: TranslationSettings) => void;
}) {
  const { t } = useI18n();
  const apiFetch = useApi();
  const [draft, setDraft] = useState<TranslationDraft>(() => draftOf(settings));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const body = translationBody(draft, settings);
  const change = (update: Partial<TranslationDraft>) => {
    setDraft((current) => ({ ...current, ...update }));
    setNotice(null);
  };

  async function send(payload: Record<string, unknown>, done: string) {
    setSaving(true);
    setFields({});
    setRefusal(null);
    setNotice(null);
    try {
      const state = await apiFetch<TranslationSettings>(TRANSLATION_PATH, jsonInit("PUT", payload));
      setDraft(draftOf(state));
      setNotice(done);
      onSaved(state);
    } catch (error) {
      const refused = refusalOf(error);
      setFields(refused.fields);
      setRefusal(refused);
    } finally {
      setSaving(false);
    }
  }

  const disabled = !canEdit || saving;
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("settings.translation.title")}
          </Text>
          <Badge tone={settings.enabled ? "success" : undefined}>
            {settings.enabled ? t("settings.translation.on") : t("settings.translation.off")}
          </Badge>
        </InlineStack>
        {!settings.enabled && settings.reason !== null && (
          <Text as="p" tone="subdued">
            {t(`settings.translation.reason.${settings.reason}`)}
          </Text>
        )}
        {refusal !== null && (
          <Banner tone="critical" title={t("settings.saveFailed")} onDismiss={() => setRefusal(null)}>
            <p>{refusalText(t, "settings", refusal)}</p>
          </Banner>
        )}
        <FormLayout>
          <Select
            label={t("settings.translation.provider")}
            options={PROVIDERS.map((value) => ({ value, label: t(`settings.translation.provider.${value || "none"}`) }))}
            value={draft.provider}
            disabled={disabled}
            error={fields.provider}
            onChange={(provider) => change({ provider })}
          />
          <BlockStack gap="200">
            <Text as="p">{settings.key_set ? t("settings.translation.keySet") : t("settings.translation.noKey")}</Text>
            {canEdit && (
              <TextField
                label={settings.key_set ? t("settings.translation.replaceKey") : t("settings.translation.newKey")}
                type="password"
                autoComplete="off"
                value={draft.apiKey}
                disabled={disabled}
                error={fields.api_key}
                onChange={(apiKey) => change({ apiKey })}
              />
            )}
            {canEdit && settings.key_set && (
              <InlineStack>
                <Button
                  tone="critical"
                  variant="plain"
                  disabled={disabled}
                  onClick={() => void send({ api_key: "" }, t("settings.translation.keyRemoved"))}
                >
                  {t("settings.translation.removeKey")}
                </Button>
              </InlineStack>
            )}
          </BlockStack>
          <Checkbox
            label={t("settings.translation.switch")}
            helpText={t("settings.translation.switchHelp")}
            checked={draft.switchedOn}
            disabled={disabled}
            onChange={(switchedOn) => change({ switchedOn })}
          />
          <TextField
            label={t("settings.translation.agentLanguage")}
            helpText={t("settings.translation.agentLanguageHelp")}
            autoComplete="off"
            value={draft.agentLanguage}
            disabled={disabled}
            error={fields.agent_language}
            onChange={(agentLanguage) => change({ agentLanguage })}
          />
        </FormLayout>
        {canEdit && (
          <InlineStack gap="300" blockAlign="center">
            <Button
              variant="primary"
              loading={saving}
              disabled={Object.keys(body).length === 0}
              onClick={() => void send(body, t("settings.saved"))}
            >
              {t("settings.translation.save")}
            </Button>
            <div aria-live="polite">
              {notice !== null && (
                <Text as="span" tone="success">
                  {notice}
                </Text>
              )}
            </div>
          </InlineStack>
        )}
      </BlockStack>
    </Card>
  );
}

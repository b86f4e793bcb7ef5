/**
 * Pick a template, preview it filled for this conversation, insert its text into the composer.
 * Values the conversation cannot supply (the server answers 422 with their names) are typed by the
 * agent; until the preview is complete there is nothing to insert. Templates that need approval are
 * for supervisors and above.
 */
import { Badge, Banner, BlockStack, Box, Button, Form, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { errorReason, jsonInit, useApi, useMe, useResource } from "../../../api/context";
import { useI18n } from "../../../i18n";
import { ResourceView } from "../../../ResourceView";
import {
  blockedReason,
  filledValues,
  previewPath,
  previewRefusalOf,
  templateSearchPath,
  type OfferedTemplate,
  type PreviewRefusal,
  type TemplatePreview,
} from "./templates";

export interface TemplatePickerProps {
  conversationId: string;
  /** The filled text goes into the composer (the agent may edit it before sending). */
  onInsert: (text: string) => void;
}

type PreviewState =
  | { status: "loading" }
  | { status: "ready"; preview: TemplatePreview }
  | { status: "refused"; refusal: PreviewRefusal }
  | { status: "error"; reason: string };

function TemplateRow({ template, onPick }: { template: OfferedTemplate; onPick: () => void }) {
  const { t } = useI18n();
  const { agent } = useMe();
  const blocked = blockedReason(template, agent.role);
  return (
    <li style={{ paddingBlockEnd: "var(--p-space-200)" }}>
      <InlineStack gap="200" blockAlign="center" wrap={false} align="space-between">
        <BlockStack gap="050">
          <InlineStack gap="100" blockAlign="center">
            <Text as="span" fontWeight="semibold">
              {template.name}
            </Text>
            {template.category ? <Badge>{template.category}</Badge> : null}
            {template.needs_approval ? <Badge tone="attention">{t("panel.templates.needsApproval")}</Badge> : null}
          </InlineStack>
          {blocked ? (
            <Text as="p" tone="subdued" variant="bodySm">
              {blocked === "approval"
                ? t("panel.templates.blocked.approval")
                : t("panel.templates.blocked.unavailable", { names: template.unavailable.join(", ") })}
            </Text>
          ) : null}
        </BlockStack>
        <Button
          onClick={onPick}
          disabled={blocked !== null}
          accessibilityLabel={t("panel.templates.previewAria", { name: template.name })}
        >
          {t("panel.templates.preview")}
        </Button>
      </InlineStack>
    </li>
  );
}

function ValueFields({
  refusal,
  values,
  onChange,
}: {
  refusal: PreviewRefusal;
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <BlockStack gap="200">
      <Banner tone="warning" title={t(`panel.templates.${refusal.kind}`)}>
        <p>{refusal.names.join(", ")}</p>
      </Banner>
      {refusal.names.map((name) => (
        <TextField
          key={name}
          label={t("panel.templates.valueLabel", { name })}
          value={values[name] ?? ""}
          onChange={(value) => onChange(name, value)}
          autoComplete="off"
        />
      ))}
    </BlockStack>
  );
}

export default function TemplatePicker({ conversationId, onInsert }: TemplatePickerProps) {
  const { t } = useI18n();
  const apiFetch = useApi();
  const [query, setQuery] = useState("");
  const [searched, setSearched] = useState("");
  const [picked, setPicked] = useState<OfferedTemplate | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [asked, setAsked] = useState<string[]>([]);
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const { state, reload } = useResource<{ results: OfferedTemplate[] }>(templateSearchPath(conversationId, searched));

  async function load(template: OfferedTemplate, typed: Record<string, string>, names: string[]) {
    setPreview({ status: "loading" });
    try {
      const result = await apiFetch<TemplatePreview>(
        previewPath(conversationId, template.id),
        jsonInit("POST", { values: filledValues(typed, names) }),
      );
      setPreview({ status: "ready", preview: result });
    } catch (error) {
      const refusal = previewRefusalOf(error);
      if (refusal) {
        setAsked((before) => [...new Set([...before, ...refusal.names])]);
        setPreview({ status: "refused", refusal });
      } else {
        setPreview({ status: "error", reason: errorReason(error) });
      }
    }
  }

  function pick(template: OfferedTemplate) {
    setPicked(template);
    setValues({});
    setAsked([]);
    void load(template, {}, []);
  }

  function insert() {
    if (preview?.status !== "ready") return;
    onInsert(preview.preview.body);
    setPicked(null);
    setPreview(null);
  }

  return (
    <BlockStack gap="300">
      <Form onSubmit={() => setSearched(query)}>
        <InlineStack gap="200" blockAlign="end" wrap={false}>
          <div style={{ flexGrow: 1 }}>
            <TextField
              label={t("panel.templates.search")}
              value={query}
              onChange={setQuery}
              autoComplete="off"
              clearButton
              onClearButtonClick={() => {
                setQuery("");
                setSearched("");
              }}
            />
          </div>
          <Button submit>{t("panel.templates.searchButton")}</Button>
        </InlineStack>
      </Form>
      <ResourceView state={state} reload={reload}>
        {(data) =>
          data.results.length === 0 ? (
            <Text as="p" tone="subdued">
              {t("panel.templates.none")}
            </Text>
          ) : (
            <ul aria-label={t("panel.templates.list")} style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {data.results.map((template) => (
                <TemplateRow key={template.id} template={template} onPick={() => pick(template)} />
              ))}
            </ul>
          )
        }
      </ResourceView>
      {picked && preview ? (
        <section aria-label={t("panel.templates.previewOf", { name: picked.name })}>
          <Box padding="300" background="bg-surface-secondary" borderRadius="200">
            <BlockStack gap="200">
              <Text as="h3" variant="headingSm">
                {t("panel.templates.previewOf", { name: picked.name })}
              </Text>
              <div aria-live="polite">
                {preview.status === "loading" ? <Text as="p">{t("panel.templates.loadingPreview")}</Text> : null}
                {preview.status === "error" ? (
                  <Banner tone="critical" title={t("panel.templates.previewError")}>
                    <p>{preview.reason}</p>
                  </Banner>
                ) : null}
                {preview.status === "ready" ? (
                  <Text as="p">
                    <span style={{ whiteSpace: "pre-wrap" }}>{preview.preview.body}</span>
                  </Text>
                ) : null}
              </div>
              {preview.status === "refused" ? (
                <Form onSubmit={() => void load(picked, values, asked)}>
                  <BlockStack gap="200">
                    <ValueFields
                      refusal={preview.refusal}
                      values={values}
                      onChange={(name, value) => setValues((before) => ({ ...before, [name]: value }))}
                    />
                    <InlineStack>
                      <Button submit>{t("panel.templates.updatePreview")}</Button>
                    </InlineStack>
                  </BlockStack>
                </Form>
              ) : null}
              <InlineStack gap="200">
                <Button variant="primary" onClick={insert} disabled={preview.status !== "ready"}>
                  {t("panel.templates.insert")}
                </Button>
                <Button
                  onClick={() => {
                    setPicked(null);
                    setPreview(null);
                  }}
                >
                  {t("panel.templates.cancel")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Box>
        </section>
      ) : null}
    </BlockStack>
  );
}

/**
 * The shop's reply templates: search by text and language, create, edit and delete (owners and
 * admins), read (everyone else).
 */
import { Banner, BlockStack, Button, Card, Form, InlineStack, Page, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useMe, useResource } from "../../api/context";
import { useI18n } from "../../i18n";
import { ResourceView } from "../../ResourceView";
import { canEditSettings } from "../credit/roles";
import { DeleteTemplateModal } from "./DeleteTemplateModal";
import { TemplateEditor } from "./TemplateEditor";
import { TemplateList } from "./TemplateList";
import { templatesPath } from "./templateRules";
import { TEMPLATE_LANGUAGES, type Template, type TemplateList as List, type TemplateVariable } from "./types";

type Editing = { template: Template | null } | null;

export default function TemplatesScreen() {
  const { t } = useI18n();
  const me = useMe();
  const editable = canEditSettings(me.agent.role);
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState({ q: "", language: "" });
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Template | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { state, reload, setData } = useResource<List>(templatesPath(search.q, search.language));
  const variables = useResource<TemplateVariable[]>("/api/admin/templates/variables");
  const known = variables.state.status === "ready" ? variables.state.data : null;

  function saved(template: Template, created: boolean) {
    setEditing(null);
    setDone(t(created ? "templates.created" : "templates.updated", { name: template.name }));
    reload({ quiet: true });
  }

  function deleted(template: Template) {
    setDeleting(null);
    setDone(t("templates.deleted", { name: template.name }));
    setData((list) => ({ results: list.results.filter((row) => row.id !== template.id) }));
  }

  return (
    <Page
      title={t("nav.templates")}
      primaryAction={
        editable ? { content: t("templates.new"), onAction: () => setEditing({ template: null }) } : undefined
      }
    >
      <BlockStack gap="400">
        <div aria-live="polite">
          {done !== null && (
            <Banner tone="success" onDismiss={() => setDone(null)}>
              <p>{done}</p>
            </Banner>
          )}
        </div>
        {!editable && (
          <Banner tone="info">
            <p>{t("templates.readOnly")}</p>
          </Banner>
        )}
        <Card>
          <Form onSubmit={() => setSearch((current) => ({ ...current, q: typed }))}>
            <InlineStack gap="300" blockAlign="end" wrap>
              <div style={{ flex: "1 1 16rem" }}>
                <TextField
                  label={t("templates.search")}
                  type="search"
                  value={typed}
                  onChange={setTyped}
                  autoComplete="off"
                  helpText={t("templates.searchHelp")}
                />
              </div>
              <Select
                label={t("templates.languageFilter")}
                options={[
                  { label: t("templates.allLanguages"), value: "" },
                  ...TEMPLATE_LANGUAGES.map((language) => ({
                    label: t(`templates.language.${language}`),
                    value: language,
                  })),
                ]}
                value={search.language}
                onChange={(language) => setSearch({ q: typed, language })}
              />
              <Button submit>{t("templates.searchButton")}</Button>
            </InlineStack>
          </Form>
        </Card>
        <ResourceView state={state} reload={reload}>
          {(data) => (
            <Card padding="0">
              <TemplateList
                templates={data.results}
                editable={editable}
                searching={search.q !== "" || search.language !== ""}
                onOpen={(template) => setEditing({ template })}
                onDelete={setDeleting}
              />
            </Card>
          )}
        </ResourceView>
      </BlockStack>
      {editing !== null && (
        <TemplateEditor
          template={editing.template}
          variables={known}
          readOnly={!editable}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
      {deleting !== null && (
        <DeleteTemplateModal template={deleting} onClose={() => setDeleting(null)} onDeleted={deleted} />
      )}
    </Page>
  );
}

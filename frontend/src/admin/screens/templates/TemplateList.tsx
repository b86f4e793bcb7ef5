/** The templates as a table: name and category, languages, variables, approval, actions. */
import { Badge, BlockStack, Button, IndexTable, InlineStack, Text, type IndexTableProps } from "@shopify/polaris";
import { useI18n } from "../../i18n";
import { variableToken } from "./templateRules";
import type { Template } from "./types";

export interface TemplateListProps {
  templates: Template[];
  editable: boolean;
  searching: boolean;
  onOpen: (template: Template) => void;
  onDelete: (template: Template) => void;
}

export function TemplateList({ templates, editable, searching, onOpen, onDelete }: TemplateListProps) {
  const { t } = useI18n();
  const headings: IndexTableProps["headings"] = [
    { title: t("templates.col.name") },
    { title: t("templates.col.languages") },
    { title: t("templates.col.variables") },
    { title: t("templates.col.approval") },
    { title: t("templates.col.actions") },
  ];

  return (
    <IndexTable
      resourceName={{ singular: t("templates.resource.singular"), plural: t("templates.resource.plural") }}
      itemCount={templates.length}
      selectable={false}
      headings={headings}
      emptyState={
        <div style={{ padding: "1rem" }}>
          <Text as="p" tone="subdued">
            {t(searching ? "templates.noMatch" : "templates.empty")}
          </Text>
        </div>
      }
    >
      {templates.map((template, index) => (
        <IndexTable.Row id={template.id} key={template.id} position={index}>
          <IndexTable.Cell>
            <BlockStack gap="100">
              <Text as="span" fontWeight="semibold">
                {template.name}
              </Text>
              {template.category !== "" && (
                <Text as="span" tone="subdued">
                  {template.category}
                </Text>
              )}
            </BlockStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <InlineStack gap="100">
              {Object.keys(template.variants).map((language) => (
                <Badge key={language}>{t(`templates.language.${language}`)}</Badge>
              ))}
            </InlineStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {template.variables.length === 0 ? (
              t("templates.noVariables")
            ) : (
              <Text as="span" tone="subdued">
                {template.variables.map(variableToken).join(" ")}
              </Text>
            )}
          </IndexTable.Cell>
          <IndexTable.Cell>
            {template.needs_approval ? (
              <Badge tone="attention">{t("templates.needsApproval")}</Badge>
            ) : (
              t("templates.noApproval")
            )}
          </IndexTable.Cell>
          <IndexTable.Cell>
            <InlineStack gap="200" wrap={false}>
              <Button
                onClick={() => onOpen(template)}
                accessibilityLabel={t(editable ? "templates.editLabel" : "templates.viewLabel", {
                  name: template.name,
                })}
              >
                {t(editable ? "templates.edit" : "templates.view")}
              </Button>
              {editable && (
                <Button
                  tone="critical"
                  onClick={() => onDelete(template)}
                  accessibilityLabel={t("templates.deleteLabel", { name: template.name })}
                >
                  {t("common.delete")}
                </Button>
              )}
            </InlineStack>
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}

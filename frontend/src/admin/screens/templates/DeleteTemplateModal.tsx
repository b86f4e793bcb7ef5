/** Confirm deleting a template; a refusal is shown with the API's reason and nothing changes. */
import { Banner, BlockStack, Modal, Text } from "@shopify/polaris";
import { useState } from "react";
import { useApi } from "../../api/context";
import { useI18n } from "../../i18n";
import { refusalText } from "../approvals/rules";
import type { Template } from "./types";

export interface DeleteTemplateModalProps {
  template: Template;
  onClose: () => void;
  onDeleted: (template: Template) => void;
}

export function DeleteTemplateModal({ template, onClose, onDeleted }: DeleteTemplateModalProps) {
  const { t } = useI18n();
  const apiFetch = useApi();
  const [problem, setProblem] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);

  async function remove() {
    setDeleting(true);
    setProblem(null);
    try {
      await apiFetch(`/api/admin/templates/${template.id}`, { method: "DELETE" });
      onDeleted(template);
    } catch (error) {
      setProblem(refusalText(t, "templates.error", error));
      setDeleting(false);
    }
  }

  return (
    <Modal
      open
      onClose={onClose}
      title={t("templates.delete.title")}
      primaryAction={{
        content: t("templates.delete.confirm"),
        destructive: true,
        loading: deleting,
        onAction: () => void remove(),
      }}
      secondaryActions={[{ content: t("common.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {problem !== null && (
            <Banner tone="critical" title={t("templates.delete.failed")}>
              <p>{problem}</p>
            </Banner>
          )}
          <Text as="p">{t("templates.delete.body", { name: template.name })}</Text>
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

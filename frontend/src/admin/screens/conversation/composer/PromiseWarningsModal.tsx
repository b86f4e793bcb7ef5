/** Shows the policy's warnings on a reply; the agent edits the reply or sends it anyway. */
import { BlockStack, List, Modal, Text } from "@shopify/polaris";
import { useI18n } from "../../../i18n";
import { PROMISE_CODES, type PromiseWarning } from "./promiseWarnings";

export interface PromiseWarningsModalProps {
  warnings: PromiseWarning[];
  /** Send anyway: the composer resends with `confirm_promises: true`. */
  onConfirm: () => void;
  onCancel: () => void;
  /** The confirmed reply is being sent (the button shows it and cannot be pressed twice). */
  sending?: boolean;
}

export default function PromiseWarningsModal({
  warnings,
  onConfirm,
  onCancel,
  sending = false,
}: PromiseWarningsModalProps) {
  const { t } = useI18n();
  const kind = (code: string) =>
    (PROMISE_CODES as readonly string[]).includes(code) ? t(`panel.promise.code.${code}`) : code;
  return (
    <Modal
      open
      onClose={onCancel}
      title={t("panel.promise.title")}
      primaryAction={{
        content: t("panel.promise.sendAnyway"),
        destructive: true,
        onAction: onConfirm,
        loading: sending,
      }}
      secondaryActions={[{ content: t("panel.promise.edit"), onAction: onCancel, disabled: sending }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          <Text as="p">{t("panel.promise.intro")}</Text>
          <List type="bullet">
            {warnings.map((warning, index) => (
              <List.Item key={`${warning.code}-${index}`}>
                {t("panel.promise.item", { kind: kind(warning.code), phrase: warning.phrase })}
              </List.Item>
            ))}
          </List>
          <Text as="p" tone="subdued">
            {t("panel.promise.recorded")}
          </Text>
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

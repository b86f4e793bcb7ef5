/**
 * `useShortcuts(handlers)`: listens for the agents' shortcuts (see shortcuts.ts)
 * on the document while the component is mounted, and calls the handler of
 * the action pressed; keys without a handler on this screen do nothing.
 * `<ShortcutsHelpModal>`: the list of the screen's shortcuts (opened with `?`).
 */
import { BlockStack, InlineStack, KeyboardKey, Modal, Text } from "@shopify/polaris";
import { useEffect, useRef } from "react";
import { useI18n } from "./i18n";
import { SHORTCUT_KEYS, shortcutFor, type ShortcutAction } from "./shortcuts";

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutFor(event);
      const handler = action === null ? undefined : latest.current[action];
      if (handler === undefined) return;
      event.preventDefault();
      handler();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}

export function ShortcutsHelpModal({
  open,
  onClose,
  actions,
}: {
  open: boolean;
  onClose: () => void;
  actions: ShortcutAction[];
}) {
  const { t } = useI18n();
  return (
    <Modal open={open} onClose={onClose} title={t("inbox.shortcuts.title")}>
      <Modal.Section>
        <BlockStack gap="200">
          {actions.map((action) => (
            <InlineStack key={action} gap="300" blockAlign="center" wrap={false}>
              <InlineStack gap="100">
                {SHORTCUT_KEYS[action].map((k) => (
                  <KeyboardKey key={k}>{k}</KeyboardKey>
                ))}
              </InlineStack>
              <Text as="span">{t(`inbox.shortcut.${action}`)}</Text>
            </InlineStack>
          ))}
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

import { fireEvent, render, screen, within } from "@testing-library/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { describe, expect, it, vi } from "vitest";
import { ShortcutsHelpModal, useShortcuts, type ShortcutHandlers } from "./shortcutsHelp";

function Probe({ handlers }: { handlers: ShortcutHandlers }) {
  useShortcuts(handlers);
  return <input aria-label="field" />;
}

describe("useShortcuts", () => {
  it("calls the handler of the key pressed and keeps the key from doing anything else", () => {
    const next = vi.fn();
    render(<Probe handlers={{ next }} />);

    const event = new KeyboardEvent("keydown", { key: "j", bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);

    expect(next).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
  });

  it("leaves keys without a handler, and keys typed into a field, alone", () => {
    const next = vi.fn();
    render(<Probe handlers={{ next }} />);

    const other = new KeyboardEvent("keydown", { key: "e", bubbles: true, cancelable: true });
    document.body.dispatchEvent(other);
    fireEvent.keyDown(screen.getByLabelText("field"), { key: "j" });

    expect(other.defaultPrevented).toBe(false);
    expect(next).not.toHaveBeenCalled();
  });
});

describe("ShortcutsHelpModal", () => {
  it("lists the keys of the actions given", () => {
    render(
      <AppProvider i18n={en}>
        <ShortcutsHelpModal open onClose={() => undefined} actions={["next", "send"]} />
      </AppProvider>,
    );
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByText("Next conversation")).toBeDefined();
    expect(within(dialog).getByText("Send (Cmd+Enter on a Mac)")).toBeDefined();
    // Polaris shows a key as printed on the keyboard: "ctrl", "enter", "J".
    expect([...dialog.querySelectorAll("kbd")].map((k) => k.textContent)).toEqual(["J", "ctrl", "enter"]);
    expect(within(dialog).queryByText("Search")).toBeNull();
  });
});

import { within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { PANEL_READY_EVENT, type PanelHandle, type WidgetContext } from "../shared/context";
import { createStorage, KEYS, type WidgetStorage } from "../shared/storage";
import { MemoryStorage, settle } from "../testing/fakes";
import { boot } from "./boot";

const LOADER = "https://cdn.shopify.com/extensions/0b1c/1.4.0/assets/support-chat-loader.js?v=17";

afterEach(() => document.body.replaceChildren());

function makeRoot(data: Record<string, string> = {}): HTMLElement {
  const root = document.createElement("div");
  root.id = "support-chat-root";
  root.hidden = true;
  Object.assign(root.dataset, { proxy: "/apps/support", locale: "en", color: "#008060", position: "right", customer: "", ...data });
  document.body.appendChild(root);
  return root;
}

/** Stands in for the browser loading support-chat-panel.js: the script announces a panel. */
function panelScript(fail = false) {
  const loads: string[] = [];
  const contexts: WidgetContext[] = [];
  const panels: Array<PanelHandle & { opened: number }> = [];
  const loadScript = async (src: string) => {
    loads.push(src);
    if (fail) {
      throw new Error("offline");
    }
    const mount = (context: WidgetContext) => {
      contexts.push(context);
      let open = false;
      const panel = {
        opened: 0,
        open: () => ((open = true), (panel.opened += 1)),
        close: () => (open = false),
        isOpen: () => open,
      };
      panels.push(panel);
      return panel;
    };
    document.dispatchEvent(new CustomEvent(PANEL_READY_EVENT, { detail: { mount } }));
  };
  return { loads, contexts, panels, loadScript };
}

function start(root: HTMLElement, script = panelScript(), storage: WidgetStorage = createStorage(new MemoryStorage()), languages = ["en-US"]) {
  const handle = boot({ doc: document, root, scriptSrc: LOADER, browserLanguages: languages, storage, loadScript: script.loadScript });
  const shadow = root.shadowRoot as ShadowRoot;
  return { handle, shadow, ui: within(shadow as unknown as HTMLElement), script };
}

describe("boot", () => {
  it("draws an accessible launcher in the shop's colour inside a shadow root, and loads nothing else", async () => {
    const root = makeRoot({ color: "#FFCC00" });
    const { shadow, ui, script } = start(root);
    await settle();

    expect(root.hidden).toBe(false);
    const launcher = ui.getByRole("button", { name: "Chat with us" });
    expect(launcher.getAttribute("aria-expanded")).toBe("false");
    expect(launcher.getAttribute("aria-haspopup")).toBe("dialog");
    const container = shadow.querySelector(".sc") as HTMLElement;
    expect(container.style.getPropertyValue("--sc-accent")).toBe("#ffcc00");
    expect(container.style.getPropertyValue("--sc-on-accent")).toBe("#000000");
    expect(container.className).toBe("sc");
    expect(script.loads).toEqual([]);
  });

  it("names the launcher in the storefront's language and honours the left position", () => {
    const { ui, shadow } = start(makeRoot({ locale: "zh-CN", position: "left" }));
    expect(ui.getByRole("button", { name: "联系客服" })).toBeDefined();
    expect((shadow.querySelector(".sc") as HTMLElement).className).toBe("sc sc--left");
    expect((shadow.querySelector(".sc") as HTMLElement).lang).toBe("zh-CN");
  });

  it("falls back to the browser's language, then English", () => {
    expect(start(makeRoot({ locale: "" }), undefined, undefined, ["nl-NL"]).ui.getByRole("button", { name: "Chat met ons" })).toBeDefined();
    document.body.replaceChildren();
    expect(start(makeRoot({ locale: "ja" }), undefined, undefined, ["ko"]).ui.getByRole("button", { name: "Chat with us" })).toBeDefined();
  });

  it("loads the panel from next to the loader on the first click, once, and toggles it", async () => {
    const { ui, script } = start(makeRoot());
    const launcher = ui.getByRole("button", { name: "Chat with us" });
    launcher.click();
    await settle();
    expect(script.loads).toEqual(["https://cdn.shopify.com/extensions/0b1c/1.4.0/assets/support-chat-panel.js?v=17"]);
    expect(script.panels[0]?.isOpen()).toBe(true);
    expect(script.contexts[0]?.config).toEqual({ proxy: "/apps/support", locale: "en", color: "#008060", position: "right", customer: "" });
    expect(script.contexts[0]?.onAccent).toBe("#ffffff");

    launcher.click();
    await settle();
    expect(script.panels[0]?.isOpen()).toBe(false);
    launcher.click();
    await settle();
    expect(script.loads).toHaveLength(1);
    expect(script.panels).toHaveLength(1);
    expect(script.panels[0]?.opened).toBe(2);
  });

  it("loads the panel at once, closed, when a chat is already open", async () => {
    const storage = createStorage(new MemoryStorage());
    storage.set(KEYS.conversation, { id: "9007199254740993", status: "open", readId: null, replied: false });
    const { script } = start(makeRoot(), panelScript(), storage);
    await settle();
    expect(script.loads).toHaveLength(1);
    expect(script.panels[0]?.isOpen()).toBe(false);
  });

  it("keeps the launcher when the panel fails to load, and tries again on the next click", async () => {
    const failing = panelScript(true);
    const { ui } = start(makeRoot(), failing);
    const launcher = ui.getByRole("button", { name: "Chat with us" });
    launcher.click();
    await settle();
    expect(launcher.hasAttribute("aria-busy")).toBe(false);
    launcher.click();
    await settle();
    expect(failing.loads).toHaveLength(2);
  });

  it("does nothing when started twice on the same root", () => {
    const root = makeRoot();
    start(root);
    expect(boot({ doc: document, root, scriptSrc: LOADER, browserLanguages: [], storage: createStorage(null), loadScript: async () => undefined })).toBeNull();
    expect(root.shadowRoot?.querySelectorAll("button")).toHaveLength(1);
  });

  it("shows the unread count as a badge and as the launcher's description", () => {
    const { handle, ui, shadow } = start(makeRoot());
    handle?.context.launcher.setUnread(3);
    const launcher = ui.getByRole("button", { name: "Chat with us" });
    expect(shadow.querySelector(".sc-badge")?.textContent).toBe("3");
    expect(launcher.getAttribute("aria-describedby")).toBe("sc-unread");
    expect(shadow.getElementById("sc-unread")?.textContent).toBe("3 unread messages");
    handle?.context.launcher.setUnread(0);
    expect((shadow.querySelector(".sc-badge") as HTMLElement).hidden).toBe(true);
    expect(launcher.hasAttribute("aria-describedby")).toBe(false);
  });
});

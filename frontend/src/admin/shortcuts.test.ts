import { describe, expect, it } from "vitest";
import { isTypingTarget, shortcutFor, type KeyInput } from "./shortcuts";

function key(k: string, target: EventTarget | null = document.body, mods: Partial<KeyInput> = {}): KeyInput {
  return { key: k, ctrlKey: false, metaKey: false, altKey: false, target, ...mods };
}

/** Builds `<tag attrs>` (inside `parent` when given) in the document. */
function el(tag: string, attrs: Record<string, string> = {}, parent?: Element): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  (parent ?? document.body).append(node);
  return node;
}

describe("shortcutFor", () => {
  it.each([
    ["j", "next"],
    ["k", "previous"],
    ["Enter", "open"],
    ["/", "search"],
    ["e", "resolve"],
    ["a", "assignToMe"],
    ["r", "focusReply"],
    ["n", "focusNote"],
    ["?", "help"],
  ])("%s -> %s outside inputs", (k, action) => {
    expect(shortcutFor(key(k))).toBe(action);
  });

  it.each([["J"], ["x"], ["Escape"], [" "]])("%s is no shortcut", (k) => {
    expect(shortcutFor(key(k))).toBeNull();
  });

  it("ignores single keys while typing in a text field, a text area, a select or an editable element", () => {
    const targets = [
      el("input", { type: "text" }),
      el("input", { type: "search" }),
      el("textarea"),
      el("select"),
      el("div", { contenteditable: "true" }),
    ];
    for (const target of targets) {
      for (const k of ["j", "k", "e", "a", "r", "n", "/", "?", "Enter"]) {
        expect(shortcutFor(key(k, target)), `${target.outerHTML} ${k}`).toBeNull();
      }
    }
  });

  it("acts on a checkbox (not typing), but not inside a dialog", () => {
    expect(shortcutFor(key("j", el("input", { type: "checkbox" })))).toBe("next");
    expect(shortcutFor(key("e", el("p", {}, el("div", { role: "dialog" }))))).toBeNull();
  });

  it("sends with Ctrl+Enter or Cmd+Enter, also while typing", () => {
    const textarea = el("textarea");
    expect(shortcutFor(key("Enter", textarea, { ctrlKey: true }))).toBe("send");
    expect(shortcutFor(key("Enter", textarea, { metaKey: true }))).toBe("send");
    expect(shortcutFor(key("Enter", textarea))).toBeNull();
    expect(shortcutFor(key("Enter", textarea, { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it("leaves keys with modifiers to the browser", () => {
    expect(shortcutFor(key("r", document.body, { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key("k", document.body, { metaKey: true }))).toBeNull();
    expect(shortcutFor(key("e", document.body, { altKey: true }))).toBeNull();
  });

  it("leaves Enter on a link or a button to that element", () => {
    expect(shortcutFor(key("Enter", el("a", { href: "/x" })))).toBeNull();
    expect(shortcutFor(key("Enter", el("span", {}, el("button"))))).toBeNull();
    expect(shortcutFor(key("j", el("a", { href: "/x" })))).toBe("next");
  });
});

describe("isTypingTarget", () => {
  it("is false for no target and for plain elements", () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
    expect(isTypingTarget(el("input", { type: "radio" }))).toBe(false);
  });
});

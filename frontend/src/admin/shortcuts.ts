/**
 * Agents' keyboard shortcuts: the pure mapping from a key press to an action.
 *
 * Single keys act only when the agent is not typing (in an input, a text area,
 * a select or an editable element) and no dialog is open; Ctrl/Cmd+Enter
 * (send) works while typing. Keys with Ctrl, Cmd or Alt are left to the
 * browser, and Enter on a link or a button is left to that element.
 */
export type ShortcutAction =
  | "next"
  | "previous"
  | "open"
  | "search"
  | "resolve"
  | "assignToMe"
  | "focusReply"
  | "focusNote"
  | "help"
  | "send";

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

const SINGLE_KEYS: Record<string, ShortcutAction> = {
  j: "next",
  k: "previous",
  Enter: "open",
  "/": "search",
  e: "resolve",
  a: "assignToMe",
  r: "focusReply",
  n: "focusNote",
  "?": "help",
};

/** The keys of each action, as shown in the help. */
export const SHORTCUT_KEYS: Record<ShortcutAction, string[]> = {
  next: ["j"],
  previous: ["k"],
  open: ["Enter"],
  search: ["/"],
  resolve: ["e"],
  assignToMe: ["a"],
  focusReply: ["r"],
  focusNote: ["n"],
  help: ["?"],
  send: ["Ctrl", "Enter"],
};

function asElement(target: EventTarget | null): Element | null {
  return target instanceof Element ? target : null;
}

/** The agent is typing into this element. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = asElement(target);
  if (element === null) return false;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (element as HTMLInputElement).type;
    return !["checkbox", "radio", "button", "submit", "reset"].includes(type);
  }
  return element.getAttribute("role") === "textbox" || element.getAttribute("contenteditable") === "true";
}

function activatesItself(target: EventTarget | null): boolean {
  const element = asElement(target);
  return element !== null && element.closest("a[href], button, [role='button'], summary") !== null;
}

function inDialog(target: EventTarget | null): boolean {
  const element = asElement(target);
  return element !== null && element.closest("[role='dialog']") !== null;
}

export function shortcutFor(event: KeyInput): ShortcutAction | null {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey) return "send";
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target) || inDialog(event.target)) return null;
  const action = SINGLE_KEYS[event.key];
  if (action === undefined) return null;
  if (action === "open" && activatesItself(event.target)) return null;
  return action;
}

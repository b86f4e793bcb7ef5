/**
 * The widget's corner of localStorage: JSON values under "support-chat:" keys.
 *
 * localStorage can be missing or throw (private modes, blocked cookies): the
 * widget then keeps its values in memory for the page's lifetime instead.
 */

export interface WidgetStorage {
  get<T>(key: string): T | null;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

export const STORAGE_PREFIX = "support-chat:";

/** Keys used by both bundles. */
export const KEYS = {
  visitor: "visitor",
  conversation: "conversation",
  outbox: "outbox",
  prechat: "prechat",
  rated: "rated",
} as const;

export function createStorage(backing: Storage | null | undefined, prefix = STORAGE_PREFIX): WidgetStorage {
  const memory = new Map<string, string>();

  function read(key: string): string | null {
    try {
      if (backing) {
        return backing.getItem(prefix + key);
      }
    } catch {
      // fall through to memory
    }
    return memory.get(key) ?? null;
  }

  return {
    get<T>(key: string): T | null {
      const text = read(key);
      if (text === null) {
        return null;
      }
      try {
        return JSON.parse(text) as T;
      } catch {
        return null;
      }
    },
    set(key: string, value: unknown): void {
      const text = JSON.stringify(value);
      memory.set(key, text);
      try {
        backing?.setItem(prefix + key, text);
      } catch {
        // quota or blocked: memory keeps it for this page
      }
    },
    remove(key: string): void {
      memory.delete(key);
      try {
        backing?.removeItem(prefix + key);
      } catch {
        // nothing to do
      }
    },
  };
}

/** window.localStorage, or null where reading it throws (blocked storage). */
export function safeLocalStorage(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

/** Stored conversation record shared by the loader (eager load) and the panel. */
export interface StoredConversation {
  id: string;
  status: string;
  /** Highest message id the shopper has seen (marked read). */
  readId: string | null;
  /** The shop (an agent) has replied at least once. */
  replied: boolean;
}

const CLOSED = new Set(["resolved", "closed"]);

/** True when the panel should load at once: an open conversation or unsent messages. */
export function hasOpenChat(storage: WidgetStorage): boolean {
  const conversation = storage.get<StoredConversation>(KEYS.conversation);
  const outbox = storage.get<unknown[]>(KEYS.outbox);
  const open = conversation !== null && typeof conversation.id === "string" && !CLOSED.has(conversation.status);
  return open || (Array.isArray(outbox) && outbox.length > 0);
}

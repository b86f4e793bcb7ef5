/** What the session keeps in localStorage about the shopper's chat (see shared/storage.ts KEYS). */
import { KEYS, type StoredConversation, type WidgetStorage } from "../shared/storage";

const EMAIL_KEY = "email";
const RATED_KEPT = 20;

export function readConversation(storage: WidgetStorage): StoredConversation | null {
  const stored = storage.get<StoredConversation>(KEYS.conversation);
  return stored && typeof stored.id === "string" ? stored : null;
}

export function writeConversation(storage: WidgetStorage, conversation: StoredConversation): void {
  storage.set(KEYS.conversation, conversation);
}

export function isRated(storage: WidgetStorage, id: string): boolean {
  const rated = storage.get<string[]>(KEYS.rated);
  return Array.isArray(rated) && rated.includes(id);
}

/** Rated, or the shopper said "not now": not asked again (the last few ids are kept). */
export function markRated(storage: WidgetStorage, id: string): void {
  const rated = storage.get<string[]>(KEYS.rated);
  const list = Array.isArray(rated) ? rated : [];
  if (!list.includes(id)) {
    storage.set(KEYS.rated, [...list, id].slice(-RATED_KEPT));
  }
}

export function emailGiven(storage: WidgetStorage): boolean {
  return storage.get<boolean>(EMAIL_KEY) === true;
}

export function rememberEmailGiven(storage: WidgetStorage): void {
  storage.set(EMAIL_KEY, true);
}

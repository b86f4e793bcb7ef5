/** The loader's own few words, in every widget language ({count} is a number). */
import type { Language } from "../shared/language";

export interface LoaderStrings {
  /** The launcher's accessible name. */
  open: string;
  unreadOne: string;
  unreadMany: string;
}

export const LOADER_STRINGS: Record<Language, LoaderStrings> = {
  en: { open: "Chat with us", unreadOne: "1 unread message", unreadMany: "{count} unread messages" },
  "zh-CN": { open: "联系客服", unreadOne: "1 条未读消息", unreadMany: "{count} 条未读消息" },
  es: { open: "Chatea con nosotros", unreadOne: "1 mensaje sin leer", unreadMany: "{count} mensajes sin leer" },
  fr: { open: "Discuter avec nous", unreadOne: "1 message non lu", unreadMany: "{count} messages non lus" },
  de: { open: "Chatte mit uns", unreadOne: "1 ungelesene Nachricht", unreadMany: "{count} ungelesene Nachrichten" },
  pt: { open: "Fale conosco", unreadOne: "1 mensagem não lida", unreadMany: "{count} mensagens não lidas" },
  it: { open: "Chatta con noi", unreadOne: "1 messaggio non letto", unreadMany: "{count} messaggi non letti" },
  nl: { open: "Chat met ons", unreadOne: "1 ongelezen bericht", unreadMany: "{count} ongelezen berichten" },
};

/** The unread sentence for a count above zero. */
export function unreadText(strings: LoaderStrings, count: number): string {
  return count === 1 ? strings.unreadOne : strings.unreadMany.replace("{count}", String(count));
}

/** What the badge shows: the count, capped at "9+". */
export function badgeText(count: number): string {
  return count > 9 ? "9+" : String(count);
}

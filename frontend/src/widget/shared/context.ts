/**
 * What the loader hands to the lazily loaded panel. The two bundles share no
 * code at run time: the panel announces itself with PANEL_READY_EVENT on the
 * document and the loader calls its `mount` with this context.
 */
import type { Language } from "./language";
import type { WidgetStorage } from "./storage";

export type Position = "right" | "left";

export interface WidgetConfig {
  /** Path of the app proxy on the storefront's origin, no trailing slash ("/apps/support"). */
  proxy: string;
  /** The storefront's locale as given (may be "" or a language the widget has no strings for). */
  locale: string;
  /** The shop's accent colour, "#rrggbb". */
  color: string;
  position: Position;
  /** customer.id when logged in ("" otherwise): a hint only, identity comes from the app proxy. */
  customer: string;
}

export interface LauncherHandle {
  readonly button: HTMLButtonElement;
  setUnread(count: number): void;
  setExpanded(expanded: boolean): void;
  setBusy(busy: boolean): void;
  focus(): void;
}

export interface WidgetContext {
  config: WidgetConfig;
  language: Language;
  /** The browser's languages, best first (for the locale sent to the API). */
  browserLanguages: readonly string[];
  /** Readable text colour on config.color. */
  onAccent: string;
  /** The open shadow root on #support-chat-root, and its styled top element. */
  shadow: ShadowRoot;
  container: HTMLElement;
  launcher: LauncherHandle;
  storage: WidgetStorage;
}

export interface PanelHandle {
  open(): void;
  close(): void;
  isOpen(): boolean;
}

export type MountPanel = (context: WidgetContext) => PanelHandle;

export interface PanelReadyDetail {
  mount: MountPanel;
}

export const PANEL_READY_EVENT = "support-chat:panel-ready";
export const ROOT_ID = "support-chat-root";

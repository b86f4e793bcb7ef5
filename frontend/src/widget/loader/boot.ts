/**
 * The loader's work, with its dependencies passed in: read the root's
 * settings, draw the launcher in a shadow root, and load the panel on the
 * first click (or at once when a chat is already open).
 */
import { readableTextColour } from "../shared/colour";
import { readConfig } from "../shared/config";
import {
  PANEL_READY_EVENT,
  type PanelHandle,
  type PanelReadyDetail,
  type WidgetContext,
} from "../shared/context";
import { pickLanguage } from "../shared/language";
import { hasOpenChat, type WidgetStorage } from "../shared/storage";
import { createLauncher } from "./launcher";
import { panelUrl } from "./panelScript";
import { LOADER_STRINGS } from "./strings";
import { LOADER_CSS } from "./styles";

export interface BootOptions {
  doc: Document;
  root: HTMLElement;
  /** The loader's own script URL (the panel sits next to it). */
  scriptSrc: string;
  browserLanguages: readonly string[];
  storage: WidgetStorage;
  /** Adds the panel's script to the page; resolves once it has run. */
  loadScript: (src: string) => Promise<void>;
}

export interface LoaderHandle {
  context: WidgetContext;
  /** The panel, loading it if needed. */
  panel(): Promise<PanelHandle>;
}

/** Starts the widget on `root`; null when it already runs there (the block was included twice). */
export function boot(options: BootOptions): LoaderHandle | null {
  const { doc, root } = options;
  if (root.shadowRoot) {
    return null;
  }
  const config = readConfig(root);
  const language = pickLanguage(config.locale, options.browserLanguages);
  const onAccent = readableTextColour(config.color);

  const shadow = root.attachShadow({ mode: "open" });
  const style = doc.createElement("style");
  style.textContent = LOADER_CSS;
  const container = doc.createElement("div");
  container.className = config.position === "left" ? "sc sc--left" : "sc";
  container.style.setProperty("--sc-accent", config.color);
  container.style.setProperty("--sc-on-accent", onAccent);
  container.lang = language;
  shadow.append(style, container);

  let loading: Promise<PanelHandle> | null = null;

  function panel(): Promise<PanelHandle> {
    if (loading === null) {
      launcher.setBusy(true);
      loading = new Promise<PanelHandle>((resolve, reject) => {
        const onReady = (event: Event) => {
          const detail = (event as CustomEvent<PanelReadyDetail>).detail;
          resolve(detail.mount(context));
        };
        doc.addEventListener(PANEL_READY_EVENT, onReady, { once: true });
        options.loadScript(panelUrl(options.scriptSrc)).catch((error: unknown) => {
          doc.removeEventListener(PANEL_READY_EVENT, onReady);
          reject(error);
        });
      }).then(
        (handle) => {
          launcher.setBusy(false);
          return handle;
        },
        (error: unknown) => {
          launcher.setBusy(false);
          loading = null; // the next click tries again
          throw error;
        },
      );
    }
    return loading;
  }

  function toggle() {
    panel().then(
      (handle) => (handle.isOpen() ? handle.close() : handle.open()),
      () => undefined, // the launcher stays; the next click retries
    );
  }

  const launcher = createLauncher(doc, LOADER_STRINGS[language], toggle);
  container.appendChild(launcher.button);
  root.hidden = false;

  const context: WidgetContext = {
    config,
    language,
    browserLanguages: options.browserLanguages,
    onAccent,
    shadow,
    container,
    launcher,
    storage: options.storage,
  };

  if (hasOpenChat(options.storage)) {
    panel().catch(() => undefined);
  }
  return { context, panel };
}

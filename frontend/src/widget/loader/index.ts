/**
 * Entry of support-chat-loader.js (built as a classic script, loaded with
 * `defer` by the app embed block): starts the widget on #support-chat-root.
 */
import { ROOT_ID } from "../shared/context";
import { browserLanguages } from "../shared/language";
import { createStorage, safeLocalStorage } from "../shared/storage";
import { boot } from "./boot";
import { loadScript, loaderSrc } from "./panelScript";

const root = document.getElementById(ROOT_ID);
const src = loaderSrc(document);
if (root && src) {
  boot({
    doc: document,
    root,
    scriptSrc: src,
    browserLanguages: browserLanguages(navigator),
    storage: createStorage(safeLocalStorage(window)),
    loadScript: (url) => loadScript(document, url),
  });
}

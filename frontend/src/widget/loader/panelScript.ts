/** Finding and loading support-chat-panel.js next to the loader's own script. */

export const LOADER_FILE = "support-chat-loader.js";
export const PANEL_FILE = "support-chat-panel.js";

/**
 * The panel's URL: the loader's URL with its file name swapped, keeping the
 * query (Shopify's asset URLs carry a version there). Pure.
 */
export function panelUrl(loaderSrc: string): string {
  const url = new URL(loaderSrc);
  url.pathname = url.pathname.replace(/[^/]*$/, PANEL_FILE);
  url.hash = "";
  return url.href;
}

/** The loader's script URL: document.currentScript while it runs, else the first script tag naming it. */
export function loaderSrc(doc: Document): string | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement && current.src) {
    return current.src;
  }
  const tag = doc.querySelector<HTMLScriptElement>(`script[src*="${LOADER_FILE}"]`);
  return tag?.src || null;
}

/** Adds an async classic script; resolves when it has run, rejects when it fails to load. */
export function loadScript(doc: Document, src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement("script");
    script.src = src;
    script.async = true;
    script.addEventListener("load", () => resolve());
    script.addEventListener("error", () => {
      script.remove();
      reject(new Error(`could not load ${src}`));
    });
    doc.head.appendChild(script);
  });
}

/**
 * The widget's settings from the root element's data attributes (the
 * contract in extensions/README.md). Pure: unknown or unsafe values fall back
 * to defaults.
 */
import { DEFAULT_COLOUR, normaliseColour } from "./colour";
import type { WidgetConfig } from "./context";

export const DEFAULT_PROXY = "/apps/support";

/** An absolute path on the storefront's own origin, without a trailing slash; else the default. */
export function cleanProxy(value: string | undefined): string {
  const path = (value ?? "").trim();
  if (!path.startsWith("/") || path.startsWith("//") || /[\s\\?#]/.test(path)) {
    return DEFAULT_PROXY;
  }
  return path.replace(/\/+$/, "") || DEFAULT_PROXY;
}

export function readConfig(root: HTMLElement): WidgetConfig {
  const data = root.dataset;
  return {
    proxy: cleanProxy(data.proxy),
    locale: (data.locale ?? "").trim(),
    color: normaliseColour(data.color) ?? DEFAULT_COLOUR,
    position: (data.position ?? "").trim().toLowerCase() === "left" ? "left" : "right",
    customer: (data.customer ?? "").trim(),
  };
}

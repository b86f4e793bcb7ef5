import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// jsdom has no matchMedia; Polaris reads breakpoints with it when imported.
// No media query matches (as in a narrow viewport with no preferences).
if (typeof window.matchMedia !== "function") {
  Object.defineProperty(window, "matchMedia", {
    configurable: true,
    writable: true,
    value: (query: string): MediaQueryList => {
      const list: MediaQueryList = {
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      };
      return list;
    },
  });
}

// jsdom has no ResizeObserver either; Polaris Tabs, Popover and Page actions measure with it.
if (typeof globalThis.ResizeObserver !== "function") {
  class NoResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(globalThis, "ResizeObserver", { configurable: true, writable: true, value: NoResizeObserver });
}

afterEach(() => {
  cleanup();
  delete window.shopify;
});

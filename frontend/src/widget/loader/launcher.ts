/**
 * The launcher: a round button in the shop's colour with an unread badge.
 * Its accessible name stays the same ("Chat with us"); the unread count is
 * its description. No HTML strings: every node is created.
 */
import type { LauncherHandle } from "../shared/context";
import { badgeText, type LoaderStrings, unreadText } from "./strings";

const SVG = "http://www.w3.org/2000/svg";
const ICON = "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z";

function icon(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = doc.createElementNS(SVG, "path");
  path.setAttribute("d", ICON);
  svg.appendChild(path);
  return svg;
}

export function createLauncher(doc: Document, strings: LoaderStrings, onClick: () => void): LauncherHandle {
  const button = doc.createElement("button");
  button.type = "button";
  button.className = "sc-launcher";
  button.setAttribute("aria-label", strings.open);
  button.setAttribute("aria-haspopup", "dialog");
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "sc-panel");
  button.appendChild(icon(doc));

  const badge = doc.createElement("span");
  badge.className = "sc-badge";
  badge.setAttribute("aria-hidden", "true");
  badge.hidden = true;
  const description = doc.createElement("span");
  description.id = "sc-unread";
  description.className = "sc-vh";
  button.append(badge, description);
  button.addEventListener("click", onClick);

  return {
    button,
    setUnread(count: number) {
      const unread = Math.max(0, Math.floor(count));
      badge.hidden = unread === 0;
      badge.textContent = unread === 0 ? "" : badgeText(unread);
      description.textContent = unread === 0 ? "" : unreadText(strings, unread);
      if (unread === 0) {
        button.removeAttribute("aria-describedby");
      } else {
        button.setAttribute("aria-describedby", "sc-unread");
      }
    },
    setExpanded(expanded: boolean) {
      button.setAttribute("aria-expanded", expanded ? "true" : "false");
    },
    setBusy(busy: boolean) {
      if (busy) {
        button.setAttribute("aria-busy", "true");
      } else {
        button.removeAttribute("aria-busy");
      }
    },
    focus() {
      button.focus();
    },
  };
}

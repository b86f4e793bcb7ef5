/**
 * Entry of support-chat-panel.js (a classic script the loader adds on
 * demand): hands `mountPanel` to the loader through a document event.
 */
import { PANEL_READY_EVENT, type PanelReadyDetail } from "../shared/context";
import { mountPanel } from "./mount";

document.dispatchEvent(
  new CustomEvent<PanelReadyDetail>(PANEL_READY_EVENT, { detail: { mount: (context) => mountPanel(context) } }),
);

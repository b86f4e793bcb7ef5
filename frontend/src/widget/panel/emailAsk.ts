/** "No one is online": where replies go (an email, asked for when the shop has none). */
import { WidgetApiError } from "../core/api";
import { isPlausibleEmail } from "../core/validation";
import type { PanelStrings } from "../i18n/panel";
import { reasonText } from "../i18n/reasons";
import { h, isBusy, setBusy } from "./dom";

export interface EmailAskView {
  el: HTMLElement;
  update(emailKnown: boolean): void;
}

export function createEmailAsk(doc: Document, strings: PanelStrings, giveEmail: (email: string) => Promise<void>): EmailAskView {
  const input = h(doc, "input", { type: "email", class: "sc-field", autocomplete: "email", maxlength: "254" });
  const error = h(doc, "p", { class: "sc-error", role: "alert", hidden: true });
  const submit = h(doc, "button", { type: "submit", class: "sc-primary" }, strings.saveEmail);
  const form = h(
    doc,
    "form",
    { class: "sc-form", novalidate: true },
    h(doc, "label", { class: "sc-label" }, h(doc, "span", {}, strings.yourEmail), input),
    error,
    h(doc, "div", { class: "sc-actions" }, submit),
  );
  const text = h(doc, "p", { role: "status" });
  const el = h(doc, "section", { class: "sc-card sc-away" }, text, form);
  let saved = false;

  function fail(message: string) {
    error.textContent = message;
    error.hidden = false;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (isBusy(submit)) {
      return; // already on its way
    }
    const email = input.value.trim();
    if (!isPlausibleEmail(email)) {
      fail(strings.invalidEmail);
      return;
    }
    error.hidden = true;
    setBusy(submit, true);
    giveEmail(email).then(
      () => {
        saved = true;
        view.update(true);
      },
      (caught: unknown) => {
        setBusy(submit, false);
        fail(reasonText(strings, caught instanceof WidgetApiError ? caught : new WidgetApiError(0, "network")));
      },
    );
  });

  const view: EmailAskView = {
    el,
    update(emailKnown: boolean) {
      text.textContent = saved ? strings.emailSaved : emailKnown ? strings.agentsOfflineEmailKnown : strings.agentsOffline;
      form.hidden = emailKnown;
    },
  };
  return view;
}

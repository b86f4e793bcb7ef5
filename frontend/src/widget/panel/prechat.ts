/** The optional pre-chat form for an anonymous shopper: name and email, or Skip. */
import type { ShopperDetails } from "../core/session";
import { isPlausibleEmail } from "../core/validation";
import type { PanelStrings } from "../i18n/panel";
import { h } from "./dom";

export interface PrechatView {
  el: HTMLFormElement;
  focus(): void;
}

export function createPrechat(doc: Document, strings: PanelStrings, onStart: (details: ShopperDetails) => void): PrechatView {
  const name = h(doc, "input", { type: "text", class: "sc-field", autocomplete: "name", maxlength: "120" });
  const email = h(doc, "input", { type: "email", class: "sc-field", autocomplete: "email", maxlength: "254" });
  const error = h(doc, "p", { class: "sc-error", role: "alert", id: "sc-prechat-error", hidden: true });
  const skip = h(doc, "button", { type: "button", class: "sc-secondary" }, strings.skip);
  const form = h(
    doc,
    "form",
    { class: "sc-form sc-prechat", novalidate: true },
    h(doc, "p", { class: "sc-intro" }, strings.prechatIntro),
    h(doc, "label", { class: "sc-label" }, h(doc, "span", {}, strings.name), name),
    h(doc, "label", { class: "sc-label" }, h(doc, "span", {}, strings.email), email),
    error,
    h(doc, "div", { class: "sc-actions" }, h(doc, "button", { type: "submit", class: "sc-primary" }, strings.startChat), skip),
  );

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = email.value.trim();
    if (value !== "" && !isPlausibleEmail(value)) {
      error.textContent = strings.invalidEmail;
      error.hidden = false;
      email.setAttribute("aria-invalid", "true");
      email.setAttribute("aria-describedby", "sc-prechat-error");
      email.focus();
      return;
    }
    onStart({ name: name.value.trim(), email: value });
  });
  skip.addEventListener("click", () => onStart({ name: "", email: "" }));

  return { el: form, focus: () => name.focus() };
}

/** The rating card (CSAT) shown once a conversation is resolved: 1 to 5 and a comment, sent once. */
import { WidgetApiError } from "../core/api";
import { format } from "../i18n/format";
import type { PanelStrings } from "../i18n/panel";
import { reasonText } from "../i18n/reasons";
import { h, isBusy, setBusy } from "./dom";

export interface RatingActions {
  rate(rating: number, comment: string): Promise<void>;
  dismiss(): void;
}

export interface RatingView {
  el: HTMLElement;
  /** Shows the thanks instead of the form. */
  setDone(done: boolean): void;
}

export function createRating(doc: Document, strings: PanelStrings, actions: RatingActions): RatingView {
  const labels = [strings.rating1, strings.rating2, strings.rating3, strings.rating4, strings.rating5];
  const radios = labels.map((label, index) =>
    h(doc, "input", {
      type: "radio",
      name: "sc-rating",
      value: String(index + 1),
      "aria-label": format(strings.ratingOption, { count: index + 1, label }),
    }),
  );
  const options = radios.map((radio, index) =>
    h(doc, "label", { class: "sc-star" }, radio, h(doc, "span", { "aria-hidden": "true" }, String(index + 1)),
      h(doc, "span", { class: "sc-star-word", "aria-hidden": "true" }, labels[index] ?? "")),
  );
  const comment = h(doc, "textarea", { class: "sc-field", rows: "2", maxlength: "1000" });
  const error = h(doc, "p", { class: "sc-error", role: "alert", hidden: true });
  const later = h(doc, "button", { type: "button", class: "sc-secondary" }, strings.ratingLater);
  const submit = h(doc, "button", { type: "submit", class: "sc-primary" }, strings.ratingSend);
  const form = h(
    doc,
    "form",
    { class: "sc-form" },
    h(doc, "fieldset", { class: "sc-stars" }, h(doc, "legend", {}, strings.ratingQuestion), ...options),
    h(doc, "label", { class: "sc-label" }, h(doc, "span", {}, strings.ratingComment), comment),
    error,
    h(doc, "div", { class: "sc-actions" }, submit, later),
  );
  const thanks = h(doc, "p", { class: "sc-thanks", role: "status", hidden: true }, strings.ratingThanks);
  const el = h(doc, "section", { class: "sc-card sc-rating", "aria-label": strings.ratingQuestion }, form, thanks);

  function fail(text: string) {
    error.textContent = text;
    error.hidden = false;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (isBusy(submit)) {
      return; // already on its way
    }
    const chosen = radios.find((radio) => radio.checked);
    if (!chosen) {
      fail(strings.ratingChoose);
      return;
    }
    error.hidden = true;
    setBusy(submit, true);
    actions.rate(Number(chosen.value), comment.value).then(
      () => undefined,
      (caught: unknown) => {
        setBusy(submit, false);
        fail(reasonText(strings, caught instanceof WidgetApiError ? caught : new WidgetApiError(0, "network")));
      },
    );
  });
  later.addEventListener("click", () => actions.dismiss());

  return {
    el,
    setDone(done: boolean) {
      form.hidden = done;
      thanks.hidden = !done;
    },
  };
}

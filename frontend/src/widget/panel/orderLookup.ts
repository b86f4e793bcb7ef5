/**
 * "Where is my order?": order number and email or postcode -> POST
 * <proxy>/api/widget/orders/lookup, then the answer: the order's status, and
 * for each parcel its status, carrier, tracking number (a link when the shop
 * has a web link) and delivery window.
 */
import { WidgetApiError, type WidgetApi } from "../core/api";
import type { OrderAnswer, ParcelAnswer } from "../core/types";
import { lookupRequest, safeLink } from "../core/wismo";
import { format } from "../i18n/format";
import type { PanelStrings } from "../i18n/panel";
import { reasonText } from "../i18n/reasons";
import { h, isBusy, replaceChildren, setBusy } from "./dom";
import { formatDay } from "./format";

function row(doc: Document, term: string, value: Node | string): HTMLElement[] {
  return [h(doc, "dt", {}, term), h(doc, "dd", {}, value)];
}

function renderParcel(doc: Document, strings: PanelStrings, parcel: ParcelAnswer, index: number, count: number, language: string) {
  const title = count === 1 ? strings.parcelOne : format(strings.parcelNth, { index, count });
  const details: HTMLElement[] = [...row(doc, strings.parcelStatus, parcel.status)];
  if (parcel.carrier) {
    details.push(...row(doc, strings.parcelCarrier, parcel.carrier));
  }
  if (parcel.tracking_number) {
    const link = safeLink(parcel.tracking_url);
    const number = link
      ? h(doc, "a", { href: link, target: "_blank", rel: "noopener noreferrer" }, parcel.tracking_number)
      : parcel.tracking_number;
    details.push(...row(doc, strings.parcelTracking, number));
  }
  if (parcel.delivered_on) {
    details.push(...row(doc, strings.parcelDelivered, formatDay(parcel.delivered_on, language)));
  } else if (parcel.window) {
    details.push(...row(doc, strings.parcelWindow, parcel.window.text));
  }
  return h(
    doc,
    "li",
    { class: "sc-parcel" },
    h(doc, "h4", {}, title),
    parcel.late ? h(doc, "p", { class: "sc-late" }, strings.parcelLate) : null,
    h(doc, "dl", {}, ...details),
  );
}

/** The answer about one order (a recorded API response renders the same way). */
export function renderOrderAnswer(doc: Document, strings: PanelStrings, order: OrderAnswer, language: string): HTMLElement {
  const parcels = order.parcels ?? [];
  return h(
    doc,
    "article",
    { class: "sc-order" },
    h(doc, "h3", {}, format(strings.orderHeading, { name: order.name })),
    h(doc, "p", { class: "sc-order-status" }, order.status),
    order.ship_window ? h(doc, "p", {}, format(strings.orderShipWindow, { window: order.ship_window.text })) : null,
    order.late ? h(doc, "p", { class: "sc-late" }, strings.orderLate) : null,
    parcels.length > 0
      ? h(doc, "ol", { class: "sc-parcels" }, ...parcels.map((p, i) => renderParcel(doc, strings, p, i + 1, parcels.length, language)))
      : null,
  );
}

export interface OrderLookupOptions {
  api: Pick<WidgetApi, "lookupOrder">;
  /** The language the answer comes in (the widget's). */
  language: string;
  /** A logged-in shopper may leave both fields empty (their latest order). */
  loggedIn: boolean;
}

export class OrderLookupView {
  readonly el: HTMLElement;
  private readonly orderInput: HTMLInputElement;

  constructor(doc: Document, strings: PanelStrings, options: OrderLookupOptions) {
    this.orderInput = h(doc, "input", {
      type: "text",
      class: "sc-field",
      autocomplete: "off",
      maxlength: "64",
      placeholder: strings.orderNumberHint,
      "aria-describedby": options.loggedIn ? "sc-order-hint" : null,
    });
    const contact = h(doc, "input", {
      type: "text",
      class: "sc-field",
      autocomplete: "email",
      maxlength: "254",
      "aria-describedby": "sc-contact-hint",
    });
    const error = h(doc, "p", { class: "sc-error", role: "alert", hidden: true });
    const result = h(doc, "div", { class: "sc-result", "aria-live": "polite" });
    const submit = h(doc, "button", { type: "submit", class: "sc-primary" }, strings.orderSubmit);
    const form = h(
      doc,
      "form",
      { class: "sc-form", novalidate: true },
      h(doc, "label", { class: "sc-label" }, h(doc, "span", {}, strings.orderNumber), this.orderInput),
      options.loggedIn ? h(doc, "p", { class: "sc-hint", id: "sc-order-hint" }, strings.orderNumberOptional) : null,
      h(doc, "label", { class: "sc-label" }, h(doc, "span", {}, strings.orderContact), contact),
      h(doc, "p", { class: "sc-hint", id: "sc-contact-hint" }, strings.orderContactHint),
      error,
      h(doc, "div", { class: "sc-actions" }, submit),
    );
    this.el = h(doc, "section", { class: "sc-lookup", "aria-labelledby": "sc-lookup-title" },
      h(doc, "h3", { id: "sc-lookup-title", class: "sc-subtitle" }, strings.orderTitle), form, result);

    const fail = (text: string) => {
      error.textContent = text;
      error.hidden = false;
      replaceChildren(result);
    };

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (isBusy(submit)) {
        return; // already on its way
      }
      const body = lookupRequest(this.orderInput.value, contact.value, options.language);
      if (!options.loggedIn && body.order_name === "") {
        fail(strings.errorOrderName);
        this.orderInput.focus();
        return;
      }
      if (!options.loggedIn && body.email === "" && body.postcode === "") {
        fail(strings.errorContact);
        contact.focus();
        return;
      }
      error.hidden = true;
      setBusy(submit, true);
      replaceChildren(result, h(doc, "p", { role: "status" }, strings.orderSearching));
      options.api.lookupOrder(body).then(
        (answer) => {
          setBusy(submit, false);
          replaceChildren(
            result,
            answer.found
              ? renderOrderAnswer(doc, strings, answer.order, options.language)
              : h(doc, "p", { class: "sc-notfound" }, strings.orderNotFound),
          );
        },
        (caught: unknown) => {
          setBusy(submit, false);
          fail(reasonText(strings, caught instanceof WidgetApiError ? caught : new WidgetApiError(0, "network")));
        },
      );
    });
  }

  focus(): void {
    this.orderInput.focus();
  }
}

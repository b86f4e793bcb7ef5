import { fireEvent, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createWidgetApi } from "../core/api";
import type { LookupResponse, OrderAnswer } from "../core/types";
import { PANEL_STRINGS } from "../i18n/panel";
import { fakeNetwork, json, settle } from "../testing/fakes";
import shipped from "./fixtures/wismo-shipped.json";
import unshippedFr from "./fixtures/wismo-unshipped-fr.json";
import { OrderLookupView, renderOrderAnswer } from "./orderLookup";

afterEach(() => document.body.replaceChildren());

// Fixtures: answers recorded from support/rules/wismo.py (see README.md).
const SHIPPED = (shipped as { found: true; order: OrderAnswer }).order;
const UNSHIPPED_FR = (unshippedFr as { found: true; order: OrderAnswer }).order;

function terms(parcel: Element): Array<[string, string]> {
  const dts = [...parcel.querySelectorAll("dt")];
  return dts.map((dt) => [dt.textContent ?? "", dt.nextElementSibling?.textContent ?? ""]);
}

describe("renderOrderAnswer", () => {
  it("shows each parcel's status, carrier, tracking number as a link and delivery window", () => {
    const answer = renderOrderAnswer(document, PANEL_STRINGS.en, SHIPPED, "en");
    const ui = within(answer);
    expect(ui.getByRole("heading", { level: 3 }).textContent).toBe("Order #1042");
    expect(answer.querySelector(".sc-order-status")?.textContent).toBe("On its way");

    const parcels = [...answer.querySelectorAll(".sc-parcel")];
    expect(parcels.map((p) => p.querySelector("h4")?.textContent)).toEqual(["Parcel 1 of 2", "Parcel 2 of 2"]);
    expect(terms(parcels[0] as Element)).toEqual([
      ["Status", "On its way"],
      ["Carrier", "DHL Express"],
      ["Tracking number", "JD014600003828"],
      ["Expected delivery", "Wed 11 – Fri 20 Mar"],
    ]);
    const link = ui.getByRole("link", { name: "JD014600003828" });
    expect(link.getAttribute("href")).toBe("https://www.dhl.com/track?id=JD014600003828");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");

    expect(terms(parcels[1] as Element)).toEqual([
      ["Status", "Delivered"],
      ["Carrier", "UPS"],
      ["Tracking number", "1Z999AA10123456784"],
      ["Delivered on", "Mar 6, 2026"],
    ]);
    expect(parcels[1]?.querySelector("a")).toBeNull(); // no web link: plain text
    expect(answer.querySelector(".sc-late")).toBeNull();
  });

  it("shows an unshipped order's ship window in the shopper's language", () => {
    const answer = renderOrderAnswer(document, PANEL_STRINGS.fr, UNSHIPPED_FR, "fr");
    expect(answer.querySelector("h3")?.textContent).toBe("Commande #1043");
    expect(answer.querySelector(".sc-order-status")?.textContent).toBe("En attente d'expédition");
    expect([...answer.querySelectorAll("p")].map((p) => p.textContent)).toEqual([
      "En attente d'expédition",
      "Expédition prévue\u00a0: ven. 6 – mar. 10 mars",
    ]);
    expect(answer.querySelector(".sc-parcels")).toBeNull();
  });

  it("flags a late parcel and never links a non-web tracking URL", () => {
    const late: OrderAnswer = {
      ...SHIPPED,
      late: true,
      parcels: [{ ...(SHIPPED.parcels[0] as OrderAnswer["parcels"][number]), late: true, tracking_url: "javascript:alert(1)" }],
    };
    const answer = renderOrderAnswer(document, PANEL_STRINGS.en, late, "en");
    expect([...answer.querySelectorAll(".sc-late")].map((p) => p.textContent)).toEqual([
      "This is taking longer than expected. Write to us in the chat and we'll look into it.",
      "Running late",
    ]);
    expect(answer.querySelector("h4")?.textContent).toBe("Your parcel");
    expect(answer.querySelector("a")).toBeNull();
  });
});

function lookup(answer: () => Response, loggedIn = false) {
  const network = fakeNetwork(answer);
  const api = createWidgetApi({ proxy: "/apps/support", fetch: network.fetch, visitorToken: () => null });
  const view = new OrderLookupView(document, PANEL_STRINGS.en, { api, language: "en", loggedIn });
  document.body.appendChild(view.el);
  const ui = within(view.el);
  return {
    ui,
    requests: network.requests,
    order: ui.getByRole("textbox", { name: "Order number" }) as HTMLInputElement,
    contact: ui.getByRole("textbox", { name: "Email or postcode" }) as HTMLInputElement,
    submit: ui.getByRole("button", { name: "Find my order" }),
  };
}

describe("OrderLookupView", () => {
  it("asks for the order number and the email or postcode before sending anything", async () => {
    const { ui, requests, order, submit } = lookup(() => json({ found: false }));
    fireEvent.click(submit);
    expect(ui.getByRole("alert").textContent).toBe("Enter your order number.");
    fireEvent.change(order, { target: { value: "#1042" } });
    fireEvent.click(submit);
    expect(ui.getByRole("alert").textContent).toBe("Enter the email or postcode used on the order.");
    await settle();
    expect(requests).toEqual([]);
  });

  it("posts the lookup and shows the recorded answer", async () => {
    const { ui, requests, order, contact, submit } = lookup(() => json(shipped as LookupResponse));
    fireEvent.change(order, { target: { value: " #1042 " } });
    fireEvent.change(contact, { target: { value: "ana@example.com" } });
    fireEvent.click(submit);
    await settle();

    expect(requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["POST", "/apps/support/api/widget/orders/lookup", { order_name: "#1042", email: "ana@example.com", postcode: "", locale: "en" }],
    ]);
    expect(ui.getByRole("heading", { name: "Order #1042" })).toBeDefined();
    expect(ui.queryByRole("alert")).toBeNull();
  });

  it("says when no order matches, and shows the API's refusal reason", async () => {
    let response = json({ found: false });
    const { ui, order, contact, submit } = lookup(() => response);
    fireEvent.change(order, { target: { value: "1042" } });
    fireEvent.change(contact, { target: { value: "75011" } });
    fireEvent.click(submit);
    await settle();
    expect(ui.getByText(
      "We couldn't find an order with these details. Check the order number and the email or postcode.",
    )).toBeDefined();

    response = json({ detail: "too many requests: order_lookups", code: "order_lookups" }, 429);
    fireEvent.click(submit);
    await settle();
    expect(ui.getByRole("alert").textContent).toBe("Too many attempts. Please wait a few minutes and try again.");
    expect(ui.queryByText(/couldn't find/)).toBeNull();
  });

  it("lets a logged-in shopper look up their latest order with empty fields", async () => {
    const { requests, submit, order } = lookup(() => json({ found: false }), true);
    expect(order.getAttribute("aria-describedby")).toBe("sc-order-hint");
    fireEvent.click(submit);
    await settle();
    expect(requests.map((r) => r.body)).toEqual([{ order_name: "", email: "", postcode: "", locale: "en" }]);
  });
});

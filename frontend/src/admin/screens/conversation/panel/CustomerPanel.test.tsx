import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import CustomerPanel from "./CustomerPanel";
import { renderWithServer } from "./testServer";

const PARCEL_ON_ITS_WAY = {
  id: "9100000000400001",
  shipment_status: "in_transit",
  tracking: [
    { company: "DHL", number: "JD014600", url: "https://dhl.example/track?n=JD014600" },
    { company: "DHL", number: "JD014601", url: "javascript:alert(1)" },
  ],
  last_event: {
    status: "in_transit",
    message: "Arrived at the sort centre in São Paulo",
    happened_at: "2026-12-02T13:00:00Z",
    estimated_delivery_at: null,
  },
  eta: { earliest: "2026-12-28", latest: "2026-12-31", source: "history", late: false },
};

const LATE_PARCEL = {
  id: "9100000000400002",
  shipment_status: "delayed",
  tracking: [{ company: "", number: "", url: "" }],
  last_event: null,
  eta: { earliest: "2026-12-03", latest: "2026-12-03", source: "carrier", late: true },
};

const CONVERSATION = {
  id: "9007199254740995",
  status: "open",
  customer: {
    id: "9007199254740993",
    shopify_id: "9100000000100001",
    name: "Ana Souza",
    email: "ana@example.com",
    phone: "",
    locale: "pt-BR",
    country_code: "BR",
    lifetime_value: "1234.50",
    currency: "USD",
    orders_count: 3,
    recent_orders: [
      {
        id: "9100000000200002",
        name: "#2002",
        total_price: "80.00",
        currency: "EUR",
        financial_status: "paid",
        fulfillment_status: "partial",
        created_at: "2026-12-01T15:04:00Z",
        cancelled: false,
        parcels: [PARCEL_ON_ITS_WAY, LATE_PARCEL],
      },
      {
        id: "9100000000200001",
        name: "#2001",
        total_price: "30.00",
        currency: "USD",
        financial_status: "refunded",
        fulfillment_status: "",
        created_at: "2026-11-20T10:00:00Z",
        cancelled: true,
        parcels: [],
      },
    ],
  },
};

function texts(element: HTMLElement, selector: string): string[] {
  return Array.from(element.querySelectorAll(selector), (node) => node.textContent ?? "");
}

describe("CustomerPanel", () => {
  it("shows the customer card from the detail, without a request", () => {
    const { calls } = renderWithServer(<CustomerPanel conversationId="9007199254740995" conversation={CONVERSATION} />);

    const customer = screen.getByRole("region", { name: "Customer" });
    expect(within(customer).getByRole("heading", { name: "Ana Souza", level: 2 })).toBeDefined();
    expect(texts(customer, "dt")).toEqual(["Email", "Phone", "Country", "Language", "Lifetime value", "Orders"]);
    expect(texts(customer, "dd")).toEqual([
      "ana@example.com",
      "Not given",
      "Brazil",
      "Brazilian Portuguese",
      "$1,234.50",
      "3",
    ]);
    expect(calls).toEqual([]);
  });

  it("lists the recent orders with their statuses, parcels, tracking links and delivery windows", () => {
    renderWithServer(<CustomerPanel conversationId="9007199254740995" conversation={CONVERSATION} />);

    const orders = screen.getByRole("region", { name: "Recent orders" });
    expect(texts(orders, "h3")).toEqual(["#2002", "#2001"]);
    expect(within(orders).getByText("€80.00")).toBeDefined();
    // (Intl puts a narrow no-break space before AM; the text matcher reads it as a space)
    expect(within(orders).getByText("Placed Dec 1, 2026, 10:04 AM")).toBeDefined();
    expect(within(orders).getByText("Paid")).toBeDefined();
    expect(within(orders).getByText("Partially fulfilled")).toBeDefined();
    expect(within(orders).getByText("Cancelled")).toBeDefined();
    expect(within(orders).getByText("Refunded")).toBeDefined();
    expect(within(orders).getByText("Unfulfilled")).toBeDefined();
    expect(within(orders).getByText("Not shipped yet.")).toBeDefined();

    expect(texts(orders, "h4")).toEqual(["Parcel 1 · DHL", "Parcel 2"]);
    const name = "Track JD014600 on the carrier's site (opens in a new tab)";
    const link = within(orders).getByRole("link", { name });
    expect(link.getAttribute("href")).toBe("https://dhl.example/track?n=JD014600");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
    // a tracking "URL" that is not a web link is shown as text, never as a link
    expect(within(orders).getAllByRole("link")).toHaveLength(1);
    expect(within(orders).getByText("JD014601").tagName).toBe("SPAN");

    expect(within(orders).getByText("In transit")).toBeDefined();
    expect(
      within(orders).getByText("Last scan: Arrived at the sort centre in São Paulo (Dec 2, 2026, 8:00 AM)"),
    ).toBeDefined();
    expect(within(orders).getByText("Expected Mon, Dec 28 – Thu, Dec 31")).toBeDefined();
    expect(within(orders).getByText("From this store's past deliveries")).toBeDefined();

    expect(within(orders).getByText("Delayed")).toBeDefined();
    expect(within(orders).getByText("No tracking number yet.")).toBeDefined();
    expect(within(orders).getByText("Late")).toBeDefined();
    expect(within(orders).getByText("Was expected by Thu, Dec 3")).toBeDefined();
    expect(within(orders).getByText("Carrier's estimate")).toBeDefined();
  });

  it("speaks Simplified Chinese", () => {
    renderWithServer(<CustomerPanel conversationId="9007199254740995" conversation={CONVERSATION} />, {
      locale: "zh-CN",
    });

    const customer = screen.getByRole("region", { name: "顾客" });
    expect(texts(customer, "dd").slice(2, 4)).toEqual(["巴西", "巴西葡萄牙语"]);
    const orders = screen.getByRole("region", { name: "最近订单" });
    expect(within(orders).getByText("预计 12月28日周一 至 12月31日周四 送达")).toBeDefined();
    expect(within(orders).getByText("原定最晚 12月3日周四 送达")).toBeDefined();
    expect(within(orders).getByText("已付款")).toBeDefined();
  });

  it("says so when there is no customer card or no order", () => {
    const { unmount } = renderWithServer(<CustomerPanel conversationId="1" conversation={{ id: "1" }} />);
    expect(screen.getByText("No customer details for this conversation.")).toBeDefined();
    expect(screen.queryByRole("region")).toBeNull();
    unmount();

    renderWithServer(
      <CustomerPanel conversationId="1" conversation={{ customer: { ...CONVERSATION.customer, recent_orders: [] } }} />,
    );
    expect(within(screen.getByRole("region", { name: "Recent orders" })).getByText("No orders yet.")).toBeDefined();
  });
});

import { describe, expect, it } from "vitest";
import { customerCardOf } from "./card";

describe("customerCardOf", () => {
  it("reads the detail's customer card into typed values, ids as strings", () => {
    const card = customerCardOf({
      id: "901",
      customer: {
        id: "9007199254740993",
        name: "Ana Souza",
        email: "ana@example.com",
        phone: "+55 11 5555 0000",
        locale: "pt-BR",
        country_code: "BR",
        lifetime_value: "120.00",
        currency: "USD",
        orders_count: 2,
        recent_orders: [
          {
            id: "9100000000200001",
            name: "#2001",
            total_price: "120.00",
            currency: "USD",
            financial_status: "paid",
            fulfillment_status: "fulfilled",
            created_at: "2026-12-01T15:04:00Z",
            cancelled: false,
            parcels: [
              {
                id: "9100000000400001",
                shipment_status: "in_transit",
                tracking: [{ company: "DHL", number: "JD1", url: "https://dhl.example/JD1" }],
                last_event: { status: "in_transit", message: "Arrived", happened_at: "2026-12-02T08:00:00Z" },
                eta: { earliest: "2026-12-08", latest: "2026-12-17", source: "default", late: false },
              },
            ],
          },
        ],
      },
    });
    expect(card).toEqual({
      id: "9007199254740993",
      name: "Ana Souza",
      email: "ana@example.com",
      phone: "+55 11 5555 0000",
      locale: "pt-BR",
      countryCode: "BR",
      lifetimeValue: "120.00",
      currency: "USD",
      ordersCount: 2,
      recentOrders: [
        {
          id: "9100000000200001",
          name: "#2001",
          totalPrice: "120.00",
          currency: "USD",
          financialStatus: "paid",
          fulfillmentStatus: "fulfilled",
          createdAt: "2026-12-01T15:04:00Z",
          cancelled: false,
          parcels: [
            {
              id: "9100000000400001",
              shipmentStatus: "in_transit",
              tracking: [{ company: "DHL", number: "JD1", url: "https://dhl.example/JD1" }],
              lastEvent: { status: "in_transit", message: "Arrived", happenedAt: "2026-12-02T08:00:00Z" },
              eta: { earliest: "2026-12-08", latest: "2026-12-17", source: "default", late: false },
            },
          ],
        },
      ],
    });
  });

  it("is null without a card, and reads wrong types as empty", () => {
    expect(customerCardOf({ id: "1" })).toBeNull();
    expect(customerCardOf({ customer: "nope" })).toBeNull();
    const card = customerCardOf({
      customer: {
        name: 7,
        orders_count: "2",
        recent_orders: [{ parcels: [{ tracking: "x", last_event: null, eta: { earliest: "soon" } }, 3] }, "x"],
      },
    });
    expect(card?.name).toBe("");
    expect(card?.ordersCount).toBe(0);
    expect(card?.lifetimeValue).toBe("0.00");
    expect(card?.recentOrders).toHaveLength(1);
    expect(card?.recentOrders[0]?.parcels).toEqual([
      { id: "", shipmentStatus: "", tracking: [], lastEvent: null, eta: null },
    ]);
  });

  it("drops a delivery window of an unknown source", () => {
    const card = customerCardOf({
      customer: {
        recent_orders: [
          { parcels: [{ eta: { earliest: "2026-12-08", latest: "2026-12-17", source: "guess", late: false } }] },
        ],
      },
    });
    expect(card?.recentOrders[0]?.parcels[0]?.eta).toBeNull();
  });
});

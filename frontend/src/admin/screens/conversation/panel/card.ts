/**
 * The customer card of `GET /api/admin/conversations/<id>` (`customer`, built by
 * `support/selectors/customers.py customer_card`), read defensively into typed values: a field of
 * the wrong type becomes null or empty, never a crash. Ids stay strings.
 */

export type EtaSource = "carrier" | "history" | "default";

/** When a parcel should arrive (plain dates, the shop's), as the bot tells the shopper. */
export interface Eta {
  earliest: string;
  latest: string;
  source: EtaSource;
  late: boolean;
}

export interface TrackingEntry {
  company: string;
  number: string;
  url: string;
}

export interface ParcelEvent {
  status: string;
  message: string;
  happenedAt: string | null;
}

export interface Parcel {
  id: string;
  shipmentStatus: string;
  tracking: TrackingEntry[];
  lastEvent: ParcelEvent | null;
  eta: Eta | null;
}

export interface OrderSummary {
  id: string;
  name: string;
  totalPrice: string | null;
  currency: string;
  financialStatus: string;
  fulfillmentStatus: string;
  createdAt: string | null;
  cancelled: boolean;
  parcels: Parcel[];
}

export interface CustomerCard {
  id: string;
  name: string;
  email: string;
  phone: string;
  locale: string;
  countryCode: string;
  lifetimeValue: string;
  currency: string;
  ordersCount: number;
  recentOrders: OrderSummary[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function textOrNull(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

const SOURCES: readonly string[] = ["carrier", "history", "default"];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function etaOf(value: unknown): Eta | null {
  if (!isObject(value)) return null;
  const { earliest, latest, source, late } = value;
  if (typeof earliest !== "string" || !DAY.test(earliest) || typeof latest !== "string" || !DAY.test(latest)) {
    return null;
  }
  if (typeof source !== "string" || !SOURCES.includes(source)) return null;
  return { earliest, latest, source: source as EtaSource, late: late === true };
}

function parcelOf(value: Json): Parcel {
  const event = isObject(value.last_event) ? value.last_event : null;
  return {
    id: text(value.id),
    shipmentStatus: text(value.shipment_status),
    tracking: objects(value.tracking).map((entry) => ({
      company: text(entry.company),
      number: text(entry.number),
      url: text(entry.url),
    })),
    lastEvent: event
      ? { status: text(event.status), message: text(event.message), happenedAt: textOrNull(event.happened_at) }
      : null,
    eta: etaOf(value.eta),
  };
}

function orderOf(value: Json): OrderSummary {
  return {
    id: text(value.id),
    name: text(value.name),
    totalPrice: textOrNull(value.total_price),
    currency: text(value.currency),
    financialStatus: text(value.financial_status),
    fulfillmentStatus: text(value.fulfillment_status),
    createdAt: textOrNull(value.created_at),
    cancelled: value.cancelled === true,
    parcels: objects(value.parcels).map(parcelOf),
  };
}

/** The card of a conversation as the detail endpoint returns it; null when it has none. */
export function customerCardOf(conversation: Record<string, unknown>): CustomerCard | null {
  const card = conversation.customer;
  if (!isObject(card)) return null;
  return {
    id: text(card.id),
    name: text(card.name),
    email: text(card.email),
    phone: text(card.phone),
    locale: text(card.locale),
    countryCode: text(card.country_code),
    lifetimeValue: typeof card.lifetime_value === "string" ? card.lifetime_value : "0.00",
    currency: text(card.currency),
    ordersCount: typeof card.orders_count === "number" ? card.orders_count : 0,
    recentOrders: objects(card.recent_orders).map(orderOf),
  };
}

/**
 * Response shapes of the admin API. Ids are strings (see client.ts).
 */

export interface Shop {
  /** myshopify domain, e.g. "demo-store.myshopify.com". */
  domain: string;
  name: string;
  /** ISO 4217 code, e.g. "USD". */
  currency: string;
  /** IANA time zone, e.g. "America/New_York". */
  timezone: string;
}

export interface Agent {
  id: string;
  name: string;
  email: string;
  /** e.g. "owner"; the set of roles is defined by the backend. */
  role: string;
}

/** GET /api/admin/me */
export interface MeResponse {
  shop: Shop;
  agent: Agent;
}

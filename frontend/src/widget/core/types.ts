/**
 * Shapes of the widget API (/api/widget/..., see support/api/widget*.py).
 * Every id is a string: database and Shopify ids can exceed 2^53.
 */

export type MessageKind = "shopper" | "agent" | "bot" | "system";

export interface WidgetAttachment {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  /** The app's path that serves it ("/api/widget/attachments/<id>"); absent on a fresh upload. */
  url?: string;
}

export interface WidgetMessage {
  id: string;
  kind: MessageKind | string;
  body: string;
  client_id: string;
  created_at: string;
  attachments: WidgetAttachment[];
  machine_translated?: boolean;
  /** Present on realtime events. */
  conversation_id?: string;
}

export interface ConversationRef {
  id: string;
  status: string;
}

export interface StartRequest {
  name: string;
  email: string;
  locale: string;
  time_zone: string;
}

export interface StartResponse {
  conversation: ConversationRef;
  visitor_token: string | null;
  socket_token: string;
  socket_url: string;
  messages: WidgetMessage[];
  agents_online: boolean;
}

export interface SocketTokenResponse {
  socket_token: string;
  socket_url: string;
}

export interface SendRequest {
  body: string;
  client_id: string;
  attachment_ids: string[];
}

export interface ReadResponse {
  read_id: string;
}

export interface RatingRequest {
  rating: number;
  comment: string;
}

export interface RatingResponse {
  rating: number;
  rated_at: string;
}

/** support/rules/wismo.py `_window_data`. */
export interface DeliveryWindow {
  earliest: string;
  latest: string;
  source: string;
  text: string;
}

export interface ParcelAnswer {
  state: string;
  status: string;
  carrier: string;
  tracking_number: string;
  tracking_url: string;
  items: number | null;
  shipped_on: string | null;
  delivered_on: string | null;
  window: DeliveryWindow | null;
  late: boolean;
}

export interface OrderAnswer {
  name: string;
  state: string;
  status: string;
  late: boolean;
  ship_window: DeliveryWindow | null;
  items_total: number | null;
  items_shipped: number | null;
  parcels: ParcelAnswer[];
  language: string;
  text: string;
}

export interface LookupRequest {
  order_name: string;
  email: string;
  postcode: string;
  locale: string;
}

export type LookupResponse = { found: false } | { found: true; order: OrderAnswer };

/** Placeholder: the customer and order side panel (customer card, orders, parcels, tracking, ETA). */
export interface CustomerPanelProps {
  conversationId: string;
  /** The conversation as GET /api/admin/conversations/<id> returns it. */
  conversation: Record<string, unknown>;
}

export default function CustomerPanel(_props: CustomerPanelProps) {
  return null;
}

/** A conversation as GET /api/admin/conversations lists it (ids are strings). */
export interface ConversationSummary {
  id: string;
  status: "open" | "pending" | "snoozed" | "resolved" | "closed" | string;
  channel: "chat" | "email" | string;
  priority: "A" | "B" | "C" | string;
  language: string;
  assignee_id: string | null;
  customer_name: string;
  customer_email: string;
  waiting_since: string | null;
  first_response_at: string | null;
  snoozed_until: string | null;
  last_activity_at: string;
  tags: string[];
  last_message: { id: string; kind: string; body: string } | null;
  agent_read_id: string;
  shopper_read_id: string;
  unread: boolean;
  rating: number | null;
  response_due_at: string | null;
  /** "first_response", "next_response", or "" when no answer is due. */
  response_target: string;
  resolution_due_at: string | null;
  sla_level: number;
}

export interface InboxPage {
  results: ConversationSummary[];
  next_cursor: string | null;
}

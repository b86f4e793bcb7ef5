import type { WireAttachment, WireMessage } from "../../realtime/events";
import type { ConversationSummary } from "../inbox/types";

/** An attachment with the app path that serves it (added for socket payloads, which leave it out). */
export interface Attachment extends WireAttachment {
  url: string;
}

/** A message as the thread keeps it. */
export interface Message extends Omit<WireMessage, "attachments"> {
  attachments: Attachment[];
}

/** GET /api/admin/conversations/<id>: the inbox fields and the customer card. */
export interface ConversationDetail extends ConversationSummary {
  customer: Record<string, unknown>;
}

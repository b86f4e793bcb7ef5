/** The body of `POST /api/admin/conversations/<id>/messages`, and the client id that makes a retry safe. */

export interface MessageBody {
  body: string;
  client_id: string;
  internal: boolean;
  attachment_ids: string[];
  confirm_promises?: true;
}

export function messageBody({
  text,
  clientId,
  internal,
  attachmentIds,
}: {
  text: string;
  clientId: string;
  internal: boolean;
  attachmentIds: string[];
}): MessageBody {
  return { body: text.trim(), client_id: clientId, internal, attachment_ids: [...attachmentIds] };
}

/** The same message, sent although the policy warned (recorded by the server). */
export function confirmed(body: MessageBody): MessageBody {
  return { ...body, confirm_promises: true };
}

/** Something to send: text, or at least one attachment. */
export function canSend(text: string, attachmentIds: string[]): boolean {
  return text.trim() !== "" || attachmentIds.length > 0;
}

/**
 * A fresh id for one message: the server stores a message once per client id,
 * so a send retried after a lost answer never doubles it.
 */
export function newClientId(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

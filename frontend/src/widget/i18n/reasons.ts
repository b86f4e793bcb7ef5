/**
 * A refusal from the API in the shopper's words: known reasons have their own
 * sentence; anything else is the generic sentence with the API's own detail.
 */
import type { WidgetApiError } from "../core/api";
import type { PanelStrings } from "./panel";

type ErrorKey = {
  [K in keyof PanelStrings]: K extends `error${string}` ? K : never;
}[keyof PanelStrings];

const BY_CODE: Record<string, ErrorKey> = {
  network: "errorNetwork",
  not_started: "errorNotStarted",
  attachment_too_large: "errorFileTooLarge",
  attachment_type_not_allowed: "errorFileType",
  too_many_attachments: "errorTooManyFiles",
  unknown_attachment: "errorUnknownFile",
  body_too_long: "errorBodyTooLong",
  order_name_required: "errorOrderName",
  contact_required: "errorContact",
  invalid_input: "errorInvalid",
};

export function reasonText(strings: PanelStrings, error: Pick<WidgetApiError, "status" | "code" | "detail">): string {
  const key = BY_CODE[error.code];
  if (key) {
    return strings[key];
  }
  if (error.status === 429) {
    return strings.errorTooMany;
  }
  if (error.status === 0) {
    return strings.errorNetwork;
  }
  return error.detail ? `${strings.errorGeneric} (${error.detail})` : strings.errorGeneric;
}

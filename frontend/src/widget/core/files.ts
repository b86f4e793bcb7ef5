/**
 * Client-side checks of a file before upload (the server decides by the
 * bytes; this only spares the shopper an upload bound to be refused). Pure.
 */

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_MESSAGE = 5;
export const ALLOWED_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"] as const;
export const ACCEPT = ALLOWED_TYPES.join(",");

export type FileRefusal = "attachment_too_large" | "attachment_type_not_allowed" | "too_many_attachments";

/** Why a file cannot be sent, or null. An unknown type ("") is left to the server. */
export function checkFile(file: { size: number; type: string }, alreadyAttached: number): FileRefusal | null {
  if (alreadyAttached >= MAX_FILES_PER_MESSAGE) {
    return "too_many_attachments";
  }
  if (file.type && !(ALLOWED_TYPES as readonly string[]).includes(file.type)) {
    return "attachment_type_not_allowed";
  }
  if (file.size > MAX_FILE_BYTES) {
    return "attachment_too_large";
  }
  return null;
}

export function isImage(contentType: string): boolean {
  return contentType.startsWith("image/");
}

/**
 * Attachments are served only with the session token (`Authorization`
 * header), which an <img> or a plain link cannot send: the bytes are fetched
 * here and shown through an object URL. Retries once on the API's
 * "retry with a fresh token" 401, like the JSON client.
 */
import { ApiError, RETRY_INVALID_SESSION_HEADER } from "../../../api/client";

export async function fetchAttachment(getToken: () => Promise<string>, url: string, signal?: AbortSignal): Promise<Blob> {
  if (!url.startsWith("/") || url.startsWith("//")) throw new ApiError(0, "attachments are served by this app only");
  const send = async () =>
    fetch(url, { headers: { Authorization: `Bearer ${await getToken()}` }, signal, credentials: "same-origin" });
  let response = await send();
  if (response.status === 401 && response.headers.get(RETRY_INVALID_SESSION_HEADER) === "1") response = await send();
  if (!response.ok) throw new ApiError(response.status, response.statusText || `HTTP ${response.status}`);
  return response.blob();
}

/** Object URLs need the browser's URL.createObjectURL (absent in some test environments). */
export function canShowBlobs(): boolean {
  return typeof URL.createObjectURL === "function";
}

/** Hands the file to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = href;
  anchor.download = filename;
  anchor.rel = "noopener";
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * "Download CSV": the CSV endpoint needs the session token, so a plain link cannot fetch it. The
 * file is fetched with the token and handed to the browser as a blob URL.
 */
import { ApiError, RETRY_INVALID_SESSION_HEADER } from "../../api/client";

/** The file name of a `Content-Disposition` header, or null. */
export function csvFilename(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2] ?? "").trim();
  // Only a name, never a path.
  return name === "" ? null : (name.split(/[\\/]/).pop() ?? null);
}

/** GET `path` with the session token (once more with a fresh one when the backend asks). */
export async function fetchCsv(
  path: string,
  getToken: () => Promise<string>,
): Promise<{ blob: Blob; name: string | null }> {
  const send = async () =>
    fetch(path, { headers: { Authorization: `Bearer ${await getToken()}`, Accept: "text/csv" } });
  let response: Response;
  try {
    response = await send();
    if (response.status === 401 && response.headers.get(RETRY_INVALID_SESSION_HEADER) === "1") response = await send();
  } catch (error) {
    throw new ApiError(0, `Network error: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) {
    let body: unknown;
    try {
      body = JSON.parse(await response.text()) as unknown;
    } catch {
      body = undefined;
    }
    const detail = (body as { detail?: unknown } | undefined)?.detail;
    const reason = typeof detail === "string" && detail ? detail : `HTTP ${response.status}`;
    throw new ApiError(response.status, reason, body);
  }
  return { blob: await response.blob(), name: csvFilename(response.headers.get("Content-Disposition")) };
}

/** Hand a blob to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

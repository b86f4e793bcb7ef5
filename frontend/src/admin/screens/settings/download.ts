/**
 * Save data the app fetched (with the session token, which a plain link cannot send) as a file:
 * a Blob behind a temporary object URL and a click on a temporary `<a download>`.
 */
export function saveJsonFile(data: unknown, filename: string, doc: Document = document): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    URL.revokeObjectURL(url);
  }
}

/** "customer-<id>-export.json", as the server names it; the id is a string, never a number. */
export function exportFilename(customerId: string): string {
  return `customer-${customerId.replace(/[^0-9A-Za-z_-]/g, "_")}-export.json`;
}

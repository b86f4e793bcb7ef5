import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PrivacyExportsCard } from "./PrivacyExportsCard";
import { EXPORTS } from "./testFixtures";
import { fakeServer, json, renderWithApi } from "./testServer";

// jsdom has no object URLs and does not navigate: stand in for the browser's own APIs.
function stubDownloads() {
  const blobs: Blob[] = [];
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:export";
    }),
    revokeObjectURL: vi.fn(),
  });
  const saved: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  return { blobs, saved };
}

afterEach(() => {
  delete (URL as { createObjectURL?: unknown }).createObjectURL;
  delete (URL as { revokeObjectURL?: unknown }).revokeObjectURL;
});

describe("PrivacyExportsCard", () => {
  it("lists exports; only a ready one can be downloaded", async () => {
    fakeServer({ "GET /api/admin/privacy/exports": EXPORTS });
    renderWithApi(<PrivacyExportsCard />);

    expect(await screen.findByRole("heading", { name: "Customer 9007199254740993" })).toBeDefined();
    expect(screen.getByText("Requested Feb 9, 2026, 10:00 AM; being prepared")).toBeDefined();
    expect(screen.getAllByRole("button", { name: /^Download the export/ }).map((b) => b.getAttribute("aria-label"))).toEqual([
      "Download the export of customer 9007199254740993",
    ]);
  });

  it("downloads through the API with the session token and saves the file", async () => {
    const content = { customer: { id: "9007199254740993", email: "ana@example.com" } };
    const api = fakeServer({
      "GET /api/admin/privacy/exports": EXPORTS,
      "GET /api/admin/privacy/exports/41/download": content,
    });
    const { blobs, saved } = stubDownloads();
    renderWithApi(<PrivacyExportsCard />);

    fireEvent.click(await screen.findByRole("button", { name: "Download the export of customer 9007199254740993" }));

    await vi.waitFor(() => expect(saved).toEqual(["customer-9007199254740993-export.json"]));
    expect(JSON.parse(await blobs[0]!.text())).toEqual(content);
    const download = api.calls().find((call) => call.path.endsWith("/download"))!;
    expect(download.headers.get("Authorization")).toBe("Bearer test-session-token");
  });

  it("shows a failed download's reason and saves nothing", async () => {
    fakeServer({
      "GET /api/admin/privacy/exports": EXPORTS,
      "GET /api/admin/privacy/exports/41/download": () => json({ detail: "Not found.", code: "not_found" }, 404),
    });
    const { saved } = stubDownloads();
    renderWithApi(<PrivacyExportsCard />);

    fireEvent.click(await screen.findByRole("button", { name: "Download the export of customer 9007199254740993" }));

    expect(await screen.findByText("This item no longer exists. Reload the page.")).toBeDefined();
    expect(saved).toEqual([]);
  });

  it("says when there are no requests", async () => {
    fakeServer({ "GET /api/admin/privacy/exports": [] });
    renderWithApi(<PrivacyExportsCard />);
    expect(await screen.findByText("No data requests yet.")).toBeDefined();
  });
});

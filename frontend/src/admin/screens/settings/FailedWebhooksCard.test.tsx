import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FailedWebhooksCard } from "./FailedWebhooksCard";
import { FAILED } from "./testFixtures";
import { fakeServer, json, renderWithApi } from "./testServer";

const REPLAY = "POST /api/admin/webhooks/9007199254740999/replay";

describe("FailedWebhooksCard", () => {
  it("lists failed deliveries with their error", async () => {
    fakeServer({ "GET /api/admin/webhooks/failed": FAILED });
    renderWithApi(<FailedWebhooksCard />);

    expect(await screen.findByRole("heading", { name: "orders/updated" })).toBeDefined();
    expect(screen.getByText("ValueError: order total missing")).toBeDefined();
    expect(screen.getByText("Received Feb 11, 2026, 9:00 AM; 5 attempts")).toBeDefined();
  });

  it("replays one: it leaves the list with a notice", async () => {
    const api = fakeServer({
      "GET /api/admin/webhooks/failed": FAILED,
      [REPLAY]: () => json({ ...FAILED[0], status: "received", attempts: 0, last_error: "" }),
    });
    renderWithApi(<FailedWebhooksCard />);

    fireEvent.click(await screen.findByRole("button", { name: "Replay orders/updated delivery 9007199254740999" }));

    expect(await screen.findByText("orders/updated was queued to be processed again.")).toBeDefined();
    expect(screen.queryByRole("heading", { name: "orders/updated" })).toBeNull();
    expect(screen.getByText("No failed deliveries.")).toBeDefined();
    expect(api.writes().map((call) => [call.method, call.path, call.body])).toEqual([
      ["POST", "/api/admin/webhooks/9007199254740999/replay", undefined],
    ]);
  });

  it("shows a refused replay's reason and keeps the row", async () => {
    fakeServer({
      "GET /api/admin/webhooks/failed": FAILED,
      [REPLAY]: () => json({ detail: "only failed deliveries can be replayed", code: "not_failed" }, 409),
    });
    renderWithApi(<FailedWebhooksCard />);

    fireEvent.click(await screen.findByRole("button", { name: "Replay orders/updated delivery 9007199254740999" }));

    expect(await screen.findByText("This delivery is no longer failed, so there is nothing to replay.")).toBeDefined();
    expect(screen.getByRole("heading", { name: "orders/updated" })).toBeDefined();
    expect(screen.queryByText("orders/updated was queued to be processed again.")).toBeNull();
  });
});

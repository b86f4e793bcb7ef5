import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { json, renderWithServer, type Reply } from "../panel/testServer";
import CreditAction from "./CreditAction";
import type { ConversationCredit, CreditAllowance, Grant } from "./types";

const CONVERSATION = "9007199254740995";
const PATH = `/api/admin/conversations/${CONVERSATION}/credit`;
const ORDER = "9100000000200001";
const OLDER = "9100000000200000";

const ALLOWANCE: CreditAllowance = {
  order_id: ORDER,
  order_name: "#1042",
  currency: "USD",
  order_total: "100.00",
  granted_on_order: "3.00",
  max_amount: "12.00",
  auto_approve_up_to: "9.99",
  limits: { order_share_left: "12.00", per_grant: null, customer_30d_left: "20.00" },
  reasons: ["late_delivery", "damaged_item"],
  expiry_days: 60,
  feedback_first: false,
  may_request: true,
  refusal: null,
};

function grant(overrides: Partial<Grant>): Grant {
  return {
    id: "9007199254740997",
    state: "pending_approval",
    amount: "3.00",
    currency: "USD",
    reason: "late_delivery",
    note: "",
    instrument: "store_credit",
    order: { id: ORDER, name: "#1042" },
    customer: { id: "77", name: "Grace Hopper" },
    conversation_id: CONVERSATION,
    requested_by: { id: "30", name: "Sam Agent" },
    decided_by: null,
    decision_note: "",
    expires_at: null,
    shopify_transaction_id: "",
    error_code: "",
    error_message: "",
    requested_at: "2026-12-01T15:04:00Z",
    decided_at: null,
    issued_at: null,
    ...overrides,
  };
}

function panel(overrides: Partial<ConversationCredit> = {}): ConversationCredit {
  return {
    policy: {
      max_order_share: "0.1500",
      max_per_grant: null,
      max_per_customer_30d: "20.00",
      auto_approve_below: "10.00",
      reasons: ["late_delivery", "damaged_item"],
      expiry_days: 60,
      request_role: "agent",
      approve_role: "supervisor",
      instrument: "store_credit",
      offer_late_orders: false,
      feedback_first: false,
      currency: "USD",
    },
    orders: [{ id: ORDER, name: "#1042", created_at: "2026-12-01T15:04:00Z" }],
    allowance: ALLOWANCE,
    may_approve: false,
    grants: [grant({})],
    ...overrides,
  };
}

function open(routes: Record<string, Reply | Reply[]>, onRequested = vi.fn()) {
  const server = renderWithServer(<CreditAction conversationId={CONVERSATION} onRequested={onRequested} />, { routes });
  return { ...server, onRequested };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function fill(amount: string, reason?: string, note?: string) {
  fireEvent.change(screen.getByLabelText("Amount"), { target: { value: amount } });
  if (reason) fireEvent.change(screen.getByLabelText("Reason"), { target: { value: reason } });
  if (note) fireEvent.change(screen.getByLabelText("Note for the team"), { target: { value: note } });
}

describe("CreditAction", () => {
  it("shows what the policy allows now and this conversation's grants", async () => {
    const { lines } = open({
      [`GET ${PATH}`]: json(
        panel({
          grants: [
            grant({}),
            grant({ id: "9007199254740999", state: "issued", amount: "2.50", requested_by: null }),
          ],
        }),
      ),
    });

    expect(await screen.findByText("Up to $12.00 on order #1042")).toBeDefined();
    expect(screen.getAllByRole("listitem").slice(0, 4).map((item) => item.textContent)).toEqual([
      "Left of the order's share: $12.00",
      "Left of the customer's 30-day limit: $20.00",
      "Up to $9.99 is issued at once; more waits for a supervisor's approval.",
      "The credit expires 60 days after approval.",
    ]);
    const grants = screen.getByRole("list", { name: "Credits in this conversation" });
    const items = within(grants).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText("$3.00")).toBeDefined();
    expect(within(items[0]!).getByText("Waiting for approval")).toBeDefined();
    expect(
      within(items[0]!).getByText("Late delivery · order #1042 · requested by Sam Agent, Dec 1, 2026, 10:04 AM"),
    ).toBeDefined();
    expect(within(items[1]!).getByText("Issued")).toBeDefined();
    expect(
      within(items[1]!).getByText("Late delivery · order #1042 · requested by the app, Dec 1, 2026, 10:04 AM"),
    ).toBeDefined();
    expect(lines()).toEqual([`GET ${PATH}`]);
  });

  it("requests credit below the threshold: issued at once, the panel reloads", async () => {
    const { calls, lines, onRequested } = open({
      [`GET ${PATH}`]: json(panel()),
      [`POST ${PATH}`]: json(grant({ id: "9007199254741001", state: "approved", amount: "5.00" }), 201),
    });
    await screen.findByLabelText("Amount");

    fill("5", "damaged_item", "  Box arrived crushed ");
    expect(screen.queryByText("This amount waits for a supervisor's approval before it is issued.")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Request credit" }));

    expect(await screen.findByText("$5.00 approved: it is being issued to the customer.")).toBeDefined();
    expect(calls[1]?.body).toEqual({
      order_id: ORDER,
      amount: "5.00",
      currency: "USD",
      reason: "damaged_item",
      note: "Box arrived crushed",
      client_id: expect.stringMatching(UUID),
    });
    await waitFor(() => expect(lines()).toEqual([`GET ${PATH}`, `POST ${PATH}`, `GET ${PATH}`]));
    expect(onRequested).toHaveBeenCalledTimes(1);
    expect((screen.getByLabelText("Amount") as HTMLInputElement).value).toBe("");
  });

  it("says an amount above the threshold waits for approval, and so does the outcome", async () => {
    const { calls } = open({
      [`GET ${PATH}`]: json(panel()),
      [`POST ${PATH}`]: json(grant({ id: "9007199254741001", state: "pending_approval", amount: "10.00" }), 201),
    });
    await screen.findByLabelText("Amount");

    fill("10");
    expect(screen.getByText("This amount waits for a supervisor's approval before it is issued.")).toBeDefined();
    fireEvent.click(screen.getByRole("button", { name: "Request credit" }));

    expect(await screen.findByText("$10.00 requested: waiting for a supervisor's approval.")).toBeDefined();
    expect(calls[1]?.body).toMatchObject({ amount: "10.00", reason: "late_delivery", note: "" });
  });

  it.each([
    ["12.01", "The policy allows at most $12.00 here."],
    ["0", "The amount must be above zero."],
    ["5.001", "The amount has more decimals than the currency allows."],
    ["", "Enter an amount."],
  ])("refuses %j before sending anything", async (amount, error) => {
    const { lines, onRequested } = open({ [`GET ${PATH}`]: json(panel()) });
    await screen.findByLabelText("Amount");

    fill(amount);
    fireEvent.click(screen.getByRole("button", { name: "Request credit" }));

    expect(await screen.findByText(error)).toBeDefined();
    expect(lines()).toEqual([`GET ${PATH}`]);
    expect(onRequested).not.toHaveBeenCalled();
  });

  it("shows the server's refusal with its reason, and nothing else changes", async () => {
    const { lines, onRequested } = open({
      [`GET ${PATH}`]: json(panel()),
      [`POST ${PATH}`]: json({ detail: "refused: over_customer_30d", code: "over_customer_30d" }, 400),
    });
    await screen.findByLabelText("Amount");

    fill("8", undefined, "Sorry");
    fireEvent.click(screen.getByRole("button", { name: "Request credit" }));

    const banner = await screen.findByText("The credit was not requested");
    expect(within(banner.closest(".Polaris-Banner") as HTMLElement).getByText(
      "This would take the customer above the policy's 30-day limit.",
    )).toBeDefined();
    expect(lines()).toEqual([`GET ${PATH}`, `POST ${PATH}`]);
    expect(onRequested).not.toHaveBeenCalled();
    expect((screen.getByLabelText("Amount") as HTMLInputElement).value).toBe("8");
    const grants = screen.getByRole("list", { name: "Credits in this conversation" });
    expect(within(grants).getAllByRole("listitem")).toHaveLength(1);
  });

  it("retries a failed click with the same client_id (one grant), and a new click with a new one", async () => {
    const { calls } = open({
      [`GET ${PATH}`]: json(panel()),
      [`POST ${PATH}`]: [
        json({ detail: "Service unavailable.", code: "error" }, 503),
        json(grant({ id: "9007199254741001", state: "approved", amount: "4.00" }), 201),
        json(grant({ id: "9007199254741003", state: "approved", amount: "1.00" }), 201),
      ],
    });
    await screen.findByLabelText("Amount");

    fill("4");
    fireEvent.click(screen.getByRole("button", { name: "Request credit" }));
    expect(await screen.findByText("Service unavailable.")).toBeDefined();
    fireEvent.click(screen.getByRole("button", { name: "Request credit" }));
    await screen.findByText("$4.00 approved: it is being issued to the customer.");
    fill("1");
    fireEvent.click(screen.getByRole("button", { name: "Request credit" }));
    await screen.findByText("$1.00 approved: it is being issued to the customer.");

    const posts = calls.filter((call) => call.method === "POST").map((call) => call.body as { client_id: string });
    expect(posts).toHaveLength(3);
    expect(posts[1]!.client_id).toBe(posts[0]!.client_id);
    expect(posts[2]!.client_id).not.toBe(posts[0]!.client_id);
  });

  it("tells a role that may not request so, with no form", async () => {
    const refused = { ...ALLOWANCE, may_request: false, refusal: "role_may_not_request", max_amount: "0.00" };
    const { lines } = open({ [`GET ${PATH}`]: json(panel({ allowance: refused })) });

    expect(await screen.findByText("You cannot request store credit here")).toBeDefined();
    expect(screen.getByText("Your role may not request store credit under the store's policy.")).toBeDefined();
    expect(screen.queryByLabelText("Amount")).toBeNull();
    expect(screen.queryByRole("button", { name: "Request credit" })).toBeNull();
    expect(screen.queryByText(/on order #1042$/)).toBeNull();
    expect(lines()).toEqual([`GET ${PATH}`]);
  });

  it("handles a 403 on the request as a refusal", async () => {
    const { lines } = open({
      [`GET ${PATH}`]: json(panel()),
      [`POST ${PATH}`]: json({ detail: "refused: role_may_not_request", code: "role_may_not_request" }, 403),
    });
    await screen.findByLabelText("Amount");
    fill("2");
    fireEvent.click(screen.getByRole("button", { name: "Request credit" }));

    expect(await screen.findByText("Your role may not request store credit under the store's policy.")).toBeDefined();
    expect(lines()).toEqual([`GET ${PATH}`, `POST ${PATH}`]);
  });

  it("loads the allowance of another of the customer's orders", async () => {
    const older = { ...ALLOWANCE, order_id: OLDER, order_name: "#1001", max_amount: "6.00" };
    const orders = [
      { id: ORDER, name: "#1042", created_at: "2026-12-01T15:04:00Z" },
      { id: OLDER, name: "#1001", created_at: "2026-11-01T15:04:00Z" },
    ];
    const { lines, calls } = open({
      [`GET ${PATH}`]: json(panel({ orders })),
      [`GET ${PATH}?order_id=${OLDER}`]: json(panel({ orders, allowance: older })),
      [`POST ${PATH}`]: json(grant({ state: "approved", amount: "6.00" }), 201),
    });
    await screen.findByText("Up to $12.00 on order #1042");

    fireEvent.change(screen.getByLabelText("Order"), { target: { value: OLDER } });
    expect(await screen.findByText("Up to $6.00 on order #1001")).toBeDefined();
    fill("6");
    fireEvent.click(screen.getByRole("button", { name: "Request credit" }));
    await screen.findByText("$6.00 approved: it is being issued to the customer.");

    expect(lines().slice(0, 3)).toEqual([`GET ${PATH}`, `GET ${PATH}?order_id=${OLDER}`, `POST ${PATH}`]);
    expect(calls[2]?.body).toMatchObject({ order_id: OLDER, amount: "6.00" });
  });

  it("reloads quietly when the refresh key changes (a grant changed elsewhere)", async () => {
    const issued = grant({ state: "issued" });
    const { lines, rerender } = open({ [`GET ${PATH}`]: [json(panel()), json(panel({ grants: [issued] }))] });
    const grants = await screen.findByRole("list", { name: "Credits in this conversation" });
    expect(within(grants).getByText("Waiting for approval")).toBeDefined();

    rerender(<CreditAction conversationId={CONVERSATION} refreshKey={1} />);

    expect(await within(grants).findByText("Issued")).toBeDefined();
    expect(lines()).toEqual([`GET ${PATH}`, `GET ${PATH}`]);
  });

  it("says when the customer has no order to credit", async () => {
    open({ [`GET ${PATH}`]: json(panel({ orders: [], allowance: null, grants: [] })) });
    expect(await screen.findByText("This customer has no order that store credit can go on.")).toBeDefined();
    expect(screen.getByText("No store credit requested in this conversation yet.")).toBeDefined();
    expect(screen.queryByLabelText("Amount")).toBeNull();
  });

  it("speaks Simplified Chinese", async () => {
    renderWithServer(<CreditAction conversationId={CONVERSATION} />, {
      routes: { [`GET ${PATH}`]: json(panel()) },
      locale: "zh-CN",
    });
    expect(await screen.findByText("订单 #1042 最多可发放 US$12.00")).toBeDefined();
    expect(screen.getByRole("button", { name: "申请积分" })).toBeDefined();
  });
});

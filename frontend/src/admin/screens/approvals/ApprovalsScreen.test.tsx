import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { json, renderScreen, type Reply } from "./fakeServer";
import type { Grant } from "./types";

// The screen is a lazy chunk: load it once up front (the first test then waits for the API only).
beforeAll(async () => {
  await import("./ApprovalsScreen");
});

const POLICY = {
  max_order_share: "0.1500",
  max_per_grant: null,
  max_per_customer_30d: null,
  auto_approve_below: "10.00",
  reasons: ["late_delivery", "damaged_item"],
  expiry_days: null,
  request_role: "agent",
  approve_role: "supervisor",
  instrument: "store_credit",
  offer_late_orders: false,
  feedback_first: false,
  currency: "USD",
};

function grant(overrides: Partial<Grant>): Grant {
  return {
    id: "9007199254740993",
    state: "pending_approval",
    amount: "25.00",
    currency: "USD",
    reason: "late_delivery",
    note: "Parcel stuck in customs for 3 weeks",
    instrument: "store_credit",
    order: { id: "5550000000001", name: "#1001" },
    customer: { id: "77", name: "Grace Hopper" },
    conversation_id: "901",
    requested_by: { id: "30", name: "Sam Agent" },
    decided_by: null,
    decision_note: "",
    expires_at: null,
    shopify_transaction_id: "",
    error_code: "",
    error_message: "",
    requested_at: "2026-03-02T15:04:00Z",
    decided_at: null,
    issued_at: null,
    ...overrides,
  };
}

const PENDING = grant({});
const OTHER = grant({
  id: "9007199254740995",
  amount: "40.00",
  customer: { id: "78", name: "Alan Turing" },
  order: { id: "5550000000002", name: "#1002" },
  reason: "damaged_item",
  note: "",
  requested_by: { id: "12", name: "Ada Lovelace" },
  conversation_id: null,
});

const QUEUE = "GET /api/admin/credit/grants?state=pending_approval";

function open(role = "supervisor", routes: Record<string, Reply | Reply[]> = {}, locale = "en") {
  return renderScreen({
    path: "/approvals",
    role,
    locale,
    routes: {
      "GET /api/admin/credit/policy": json(POLICY),
      [QUEUE]: json({ results: [PENDING, OTHER] }),
      ...routes,
    },
  });
}

async function rowOf(customer: string): Promise<HTMLElement> {
  const cell = await screen.findByText(customer);
  return cell.closest("tr") as HTMLElement;
}

/** The cells' texts (Intl may put a narrow no-break space before AM/PM: read as a space). */
function cellsOf(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole("cell")
    .map((cell) => (cell.textContent ?? "").replace(/\u202f/g, " "));
}

describe("ApprovalsScreen: the queue", () => {
  it("lists the requests waiting for approval, each with its figures and a link to its conversation", async () => {
    const server = open();

    const row = await rowOf("Grace Hopper");
    expect(cellsOf(row)).toEqual([
      "$25.00",
      "Grace Hopper",
      "#1001",
      "Late deliveryParcel stuck in customs for 3 weeks",
      "Sam Agent",
      "Mar 2, 2026, 10:04 AM",
      "Open",
      "ApproveReject",
    ]);
    const link = within(row).getByRole("link", { name: "Open the conversation with Grace Hopper" });
    expect(link.getAttribute("href")).toBe("/conversations/901");
    expect(cellsOf(await rowOf("Alan Turing")).slice(0, 4)).toEqual(["$40.00", "Alan Turing", "#1002", "Damaged item"]);
    expect(server.lines().sort()).toEqual([QUEUE, "GET /api/admin/credit/policy"]);
    expect(screen.getByRole("button", { name: "Waiting for approval", pressed: true })).toBeDefined();
  });

  it("approves with a note: the exact request, the row leaves the queue, a confirmation", async () => {
    const approved = grant({ state: "approved", decided_by: { id: "12", name: "Ada Lovelace" } });
    const server = open("supervisor", {
      "POST /api/admin/credit/grants/9007199254740993/approve": json(approved),
    });

    fireEvent.click(await screen.findByRole("button", { name: "Approve $25.00 for Grace Hopper" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("$25.00 for Grace Hopper on order #1001, reason: Late delivery.")).toBeDefined();
    expect(within(dialog).getByText("Requester's note: Parcel stuck in customs for 3 weeks")).toBeDefined();
    fireEvent.change(within(dialog).getByLabelText("Note"), { target: { value: "  Fine, customs delay  " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Approve" }));

    expect(await screen.findByText("Approved $25.00 for Grace Hopper.")).toBeDefined();
    await waitFor(() => expect(screen.queryByText("Grace Hopper")).toBeNull());
    expect(screen.getByText("Alan Turing")).toBeDefined();
    expect(screen.queryByRole("dialog")).toBeNull();
    const posts = server.sent().filter((call) => call.method === "POST");
    expect(posts.map((call) => [call.path, call.body])).toEqual([
      ["/api/admin/credit/grants/9007199254740993/approve", { note: "Fine, customs delay" }],
    ]);
    expect(posts[0]!.headers.get("Content-Type")).toBe("application/json");
  });

  it("refuses to reject without a note and sends nothing; with one, sends it", async () => {
    const rejected = grant({ state: "rejected", decision_note: "Tracking shows delivered" });
    const server = open("admin", {
      "POST /api/admin/credit/grants/9007199254740993/reject": json(rejected),
    });

    fireEvent.click(await screen.findByRole("button", { name: "Reject $25.00 for Grace Hopper" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Reject" }));
    expect(await within(dialog).findByText("Write why you reject this request.")).toBeDefined();
    expect(server.sent().filter((call) => call.method !== "GET")).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText("Note"), { target: { value: "Tracking shows delivered" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Reject" }));
    expect(await screen.findByText("Rejected $25.00 for Grace Hopper.")).toBeDefined();
    expect(server.sent().filter((call) => call.method === "POST").map((call) => [call.path, call.body])).toEqual([
      ["/api/admin/credit/grants/9007199254740993/reject", { note: "Tracking shows delivered" }],
    ]);
  });

  it("shows a refusal in the API's words: the row stays as it was and nothing else is sent", async () => {
    const server = open("supervisor", {
      "POST /api/admin/credit/grants/9007199254740993/approve": json(
        { detail: "refused: role_may_not_approve", code: "role_may_not_approve" },
        403,
      ),
    });

    const before = cellsOf(await rowOf("Grace Hopper"));
    fireEvent.click(screen.getByRole("button", { name: "Approve $25.00 for Grace Hopper" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Approve" }));

    const alert = await within(dialog).findByRole("alert");
    expect(within(alert).getByText("The request was not changed")).toBeDefined();
    expect(within(alert).getByText("Your role may not approve or reject store credit.")).toBeDefined();
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(cellsOf(await rowOf("Grace Hopper"))).toEqual(before);
    expect(screen.queryByText(/^Approved /)).toBeNull();
    expect(server.lines().slice(-1)).toEqual(["POST /api/admin/credit/grants/9007199254740993/approve"]);
    expect(server.lines().filter((line) => line.startsWith("POST"))).toHaveLength(1);
  });

  it("shows the API's own reason for a refusal it has no words for", async () => {
    open("supervisor", {
      "POST /api/admin/credit/grants/9007199254740993/approve": json(
        { detail: "refused: something_new", code: "something_new" },
        400,
      ),
    });

    fireEvent.click(await screen.findByRole("button", { name: "Approve $25.00 for Grace Hopper" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Approve" }));
    expect(await within(dialog).findByText("refused: something_new")).toBeDefined();
    expect(screen.getByText("Grace Hopper")).toBeDefined();
  });

  it("does not offer to approve one's own request (rejecting it is allowed)", async () => {
    open("supervisor");

    const row = await rowOf("Alan Turing");
    const approve = within(row).getByRole("button", { name: "Approve $40.00 for Alan Turing" });
    expect(approve.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(approve);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(within(row).getByText("Your own request: another approver must decide it.")).toBeDefined();
    const reject = within(row).getByRole("button", { name: "Reject $40.00 for Alan Turing" });
    expect(reject.getAttribute("aria-disabled")).toBeNull();
    expect(within(row).getByText("None")).toBeDefined();
  });

  it("lets an owner approve their own request", async () => {
    open("owner");

    const row = await rowOf("Alan Turing");
    const approve = within(row).getByRole("button", { name: "Approve $40.00 for Alan Turing" });
    expect(approve.getAttribute("aria-disabled")).toBeNull();
    expect(within(row).queryByText("Your own request: another approver must decide it.")).toBeNull();
  });

  it("shows an agent the queue read-only, following the policy's approve role", async () => {
    open("agent");

    expect(await screen.findByText("Grace Hopper")).toBeDefined();
    expect(
      screen.getByText("You can see the requests. Approving or rejecting them takes the Supervisor role or above."),
    ).toBeDefined();
    expect(screen.queryByRole("button", { name: /^Approve / })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Reject / })).toBeNull();
  });

  it("follows a policy that needs an admin to approve", async () => {
    open("supervisor", { "GET /api/admin/credit/policy": json({ ...POLICY, approve_role: "admin" }) });

    expect(
      await screen.findByText("You can see the requests. Approving or rejecting them takes the Admin role or above."),
    ).toBeDefined();
    expect(screen.queryByRole("button", { name: /^Approve / })).toBeNull();
  });

  it("says when nothing is waiting", async () => {
    open("supervisor", { [QUEUE]: json({ results: [] }) });
    expect(await screen.findByText("No credit requests are waiting for approval.")).toBeDefined();
  });

  it("shows the API's reason when the list cannot be loaded, and loads again", async () => {
    const server = open("supervisor", {
      [QUEUE]: [json({ detail: "Service unavailable", code: "error" }, 503), json({ results: [PENDING] })],
    });

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Service unavailable")).toBeDefined();
    expect(screen.queryByText("Grace Hopper")).toBeNull();
    fireEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Grace Hopper")).toBeDefined();
    expect(server.lines().filter((line) => line === QUEUE)).toHaveLength(2);
  });
});

describe("ApprovalsScreen: recent decisions", () => {
  const ISSUED = grant({
    id: "201",
    state: "issued",
    decided_by: { id: "12", name: "Ada Lovelace" },
    decision_note: "OK",
    decided_at: "2026-03-03T09:00:00Z",
    issued_at: "2026-03-03T09:01:00Z",
  });
  const FAILED = grant({
    id: "202",
    state: "failed",
    customer: { id: "79", name: "Edsger Dijkstra" },
    requested_by: null,
    decided_at: null,
    error_message: "Customer not found",
  });
  const FEEDBACK = grant({ id: "203", state: "awaiting_feedback", customer: { id: "80", name: "Barbara Liskov" } });

  it("lists the decided, issued and failed credits (not the queue), then filters by state", async () => {
    const server = open("supervisor", {
      "GET /api/admin/credit/grants": json({ results: [PENDING, ISSUED, FAILED, FEEDBACK] }),
      "GET /api/admin/credit/grants?state=issued": json({ results: [ISSUED] }),
    });

    await screen.findByText("Grace Hopper");
    fireEvent.click(screen.getByRole("button", { name: "Recent decisions" }));

    await screen.findByText("Edsger Dijkstra");
    expect(cellsOf(await rowOf("Grace Hopper"))).toEqual([
      "$25.00",
      "Grace Hopper",
      "#1001",
      "Late deliveryParcel stuck in customs for 3 weeks",
      "SuccessIssued", // Polaris names the badge's tone for screen readers
      "Ada LovelaceNote: OK",
      "Mar 3, 2026, 4:01 AM",
      "Open",
      "",
    ]);
    const failed = cellsOf(await rowOf("Edsger Dijkstra"));
    expect(failed[4]).toBe("CriticalFailed");
    expect(failed[5]).toBe("Shopify refused: Customer not found");
    expect(screen.getAllByRole("row")).toHaveLength(4); // the header and three rows: the waiting one is left out
    expect(screen.getByRole("button", { name: "Reject $25.00 for Barbara Liskov" })).toBeDefined();
    expect(screen.queryByRole("button", { name: /^Approve / })).toBeNull();

    fireEvent.change(screen.getByLabelText("State"), { target: { value: "issued" } });
    await waitFor(() => expect(screen.queryByText("Edsger Dijkstra")).toBeNull());
    expect(cellsOf(await rowOf("Grace Hopper"))[4]).toBe("SuccessIssued");
    expect(server.lines().slice(-2)).toEqual([
      "GET /api/admin/credit/grants",
      "GET /api/admin/credit/grants?state=issued",
    ]);
  });
});

describe("ApprovalsScreen in Simplified Chinese", () => {
  it("shows the queue in Chinese", async () => {
    open("supervisor", {}, "zh-CN");

    expect(await screen.findByRole("heading", { name: "审批", level: 1 })).toBeDefined();
    const row = await rowOf("Grace Hopper");
    expect(within(row).getByText("延迟送达")).toBeDefined();
    expect(within(row).getByRole("button", { name: "批准给Grace Hopper的 US$25.00" })).toBeDefined();
    expect(screen.getByRole("button", { name: "待审批", pressed: true })).toBeDefined();
  });
});

import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import {
  canApproveState,
  canRejectState,
  isOwnRequest,
  mayDecide,
  noteProblem,
  recentGrants,
  refusalCode,
  refusalText,
} from "./rules";
import type { Grant, GrantState } from "./types";

function grant(id: string, state: GrantState, requester: string | null = "30"): Grant {
  return {
    id,
    state,
    amount: "5.00",
    currency: "EUR",
    reason: "late_delivery",
    note: "",
    instrument: "store_credit",
    order: { id: "1", name: "#1" },
    customer: { id: "2", name: "C" },
    conversation_id: null,
    requested_by: requester === null ? null : { id: requester, name: "R" },
    decided_by: null,
    decision_note: "",
    expires_at: null,
    shopify_transaction_id: "",
    error_code: "",
    error_message: "",
    requested_at: "2026-01-01T00:00:00Z",
    decided_at: null,
    issued_at: null,
  };
}

const t = (key: string) => ({ "x.refusal.own_request": "Not your own" })[key] ?? key;

describe("who decides", () => {
  it("the policy's approve role or above", () => {
    expect(mayDecide("supervisor", "supervisor")).toBe(true);
    expect(mayDecide("agent", "supervisor")).toBe(false);
    expect(mayDecide("supervisor", "admin")).toBe(false);
    expect(mayDecide("owner", "admin")).toBe(true);
  });

  it("a requester's own request, unless the owner's; the app's offers are nobody's", () => {
    expect(isOwnRequest(grant("1", "pending_approval", "12"), "12", "supervisor")).toBe(true);
    expect(isOwnRequest(grant("1", "pending_approval", "12"), "12", "owner")).toBe(false);
    expect(isOwnRequest(grant("1", "pending_approval", "13"), "12", "admin")).toBe(false);
    expect(isOwnRequest(grant("1", "pending_approval", null), "12", "admin")).toBe(false);
  });

  it("approve only what waits for approval; reject that or what waits for feedback", () => {
    const states: GrantState[] = ["pending_approval", "awaiting_feedback", "approved", "issued", "failed"];
    expect(states.map(canApproveState)).toEqual([true, false, false, false, false]);
    expect(states.map(canRejectState)).toEqual([true, true, false, false, false]);
  });
});

describe("noteProblem", () => {
  it("a rejection needs a note, an approval does not; 1000 characters at most", () => {
    expect(noteProblem("reject", "  ")).toBe("approvals.note.required");
    expect(noteProblem("reject", "why")).toBeNull();
    expect(noteProblem("approve", "")).toBeNull();
    expect(noteProblem("approve", "x".repeat(1000))).toBeNull();
    expect(noteProblem("approve", "x".repeat(1001))).toBe("approvals.note.tooLong");
  });
});

describe("refusals", () => {
  it("reads the code of an API error's body", () => {
    expect(refusalCode(new ApiError(403, "refused: own_request", { code: "own_request" }))).toBe("own_request");
    expect(refusalCode(new ApiError(0, "Network error: down"))).toBeNull();
    expect(refusalCode(new Error("x"))).toBeNull();
  });

  it("words a known code, else the API's reason, else the error's message", () => {
    expect(refusalText(t, "x.refusal", new ApiError(403, "refused: own_request", { code: "own_request" }))).toBe(
      "Not your own",
    );
    expect(refusalText(t, "x.refusal", new ApiError(400, "refused: new_code", { code: "new_code" }))).toBe(
      "refused: new_code",
    );
    expect(refusalText(t, "x.refusal", new Error("boom"))).toBe("boom");
  });
});

describe("recentGrants", () => {
  const all = [grant("1", "pending_approval"), grant("2", "issued"), grant("3", "failed")];
  it("everything but the queue, or one state", () => {
    expect(recentGrants(all, "").map((g) => g.id)).toEqual(["2", "3"]);
    expect(recentGrants(all, "failed").map((g) => g.id)).toEqual(["3"]);
  });
});

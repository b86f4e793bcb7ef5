import { describe, expect, it } from "vitest";
import {
  checkAmount,
  currencyDecimals,
  grantTone,
  isCreditChange,
  isCreditNotice,
  labelOr,
  needsApproval,
  newClientId,
  refusalKey,
  toCents,
} from "./creditRules";
import type { CreditAllowance } from "./types";

const ALLOWANCE: CreditAllowance = {
  order_id: "9100000000200001",
  order_name: "#1042",
  currency: "USD",
  order_total: "100.00",
  granted_on_order: "3.00",
  max_amount: "12.00",
  auto_approve_up_to: "9.99",
  limits: { order_share_left: "12.00", per_grant: null, customer_30d_left: null },
  reasons: ["late_delivery", "damaged_item"],
  expiry_days: null,
  feedback_first: false,
  may_request: true,
  refusal: null,
};

describe("toCents", () => {
  it.each([
    ["12.5", 1250n],
    ["0.07", 7n],
    ["3", 300n],
    [" 4.10 ", 410n],
    ["1.234", null],
    ["-1", null],
    ["1e3", null],
    ["", null],
  ])("%s -> %s", (value, cents) => {
    expect(toCents(value)).toBe(cents);
  });
});

describe("checkAmount", () => {
  it.each([
    ["5", { ok: true, amount: "5.00" }],
    ["12.00", { ok: true, amount: "12.00" }],
    ["0.5", { ok: true, amount: "0.50" }],
    ["", { ok: false, error: "empty" }],
    ["five", { ok: false, error: "invalid" }],
    ["5,00", { ok: false, error: "invalid" }],
    ["0", { ok: false, error: "not_positive" }],
    ["1.001", { ok: false, error: "too_precise" }],
    ["12.01", { ok: false, error: "over_max" }],
  ])("%s -> %j", (input, result) => {
    expect(checkAmount(input, ALLOWANCE)).toEqual(result);
  });

  it("knows currencies without cents", () => {
    const yen = { ...ALLOWANCE, currency: "JPY", max_amount: "1499.00" };
    expect(currencyDecimals("JPY")).toBe(0);
    expect(checkAmount("1499", yen)).toEqual({ ok: true, amount: "1499" });
    expect(checkAmount("7.5", yen)).toEqual({ ok: false, error: "too_precise" });
    expect(checkAmount("1500", yen)).toEqual({ ok: false, error: "over_max" });
  });
});

describe("needsApproval", () => {
  it("waits above the auto-approval limit, or always without one", () => {
    expect(needsApproval("9.99", ALLOWANCE)).toBe(false);
    expect(needsApproval("10.00", ALLOWANCE)).toBe(true);
    expect(needsApproval("0.01", { ...ALLOWANCE, auto_approve_up_to: null })).toBe(true);
  });
});

describe("grantTone, refusalKey, labelOr", () => {
  it("colours each state", () => {
    expect(
      ["issued", "failed", "rejected", "pending_approval", "awaiting_feedback", "uncertain", "approved", "x"].map(
        grantTone,
      ),
    ).toEqual(["success", "critical", "critical", "attention", "attention", "warning", "info", undefined]);
  });

  it("words known refusals only", () => {
    expect(refusalKey("over_grant_max")).toBe("panel.credit.refusal.over_grant_max");
    expect(refusalKey("something_new")).toBeNull();
    expect(refusalKey(undefined)).toBeNull();
  });

  it("falls back when the catalogue has no such key", () => {
    const t = (key: string) => (key === "known" ? "Known" : key);
    expect(labelOr(t, "known", "raw")).toBe("Known");
    expect(labelOr(t, "unknown", "raw")).toBe("raw");
  });
});

describe("isCreditChange, isCreditNotice", () => {
  it("knows a credit step on the timeline from other changes", () => {
    expect(["credit.requested", "credit.approved", "credit.rejected", "status_changed", "", undefined, 3].map((change) =>
      isCreditChange({ change }),
    )).toEqual([true, true, true, false, false, false, false]);
  });

  it("knows the shopper's credit notice from other messages", () => {
    expect([
      { kind: "bot", client_id: "credit:41:issued" },
      { kind: "bot", client_id: "bot:9:hours.greeting" },
      { kind: "shopper", client_id: "credit:41:issued" },
      { kind: "agent", client_id: "" },
    ].map(isCreditNotice)).toEqual([true, false, false, false]);
  });
});

describe("newClientId", () => {
  it("gives a fresh key each time", () => {
    const first = newClientId();
    expect(first).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(newClientId()).not.toBe(first);
  });
});

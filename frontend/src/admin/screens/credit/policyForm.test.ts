import { describe, expect, it } from "vitest";
import {
  apiFieldErrors,
  formFromPolicy,
  percentToShare,
  policyBody,
  shareToPercent,
  shiftDecimal,
  type PolicyForm,
} from "./policyForm";
import type { CreditPolicy } from "./types";

const POLICY: CreditPolicy = {
  max_order_share: "0.1500",
  max_per_grant: null,
  max_per_customer_30d: "100.00",
  auto_approve_below: "10.00",
  reasons: ["late_delivery", "wrong_item"],
  expiry_days: 90,
  request_role: "agent",
  approve_role: "supervisor",
  instrument: "store_credit",
  offer_late_orders: true,
  feedback_first: false,
  currency: "USD",
};

describe("decimal shifts, never through a float", () => {
  it.each([
    ["0.1500", 2, "15"],
    ["0.0001", 2, "0.01"],
    ["1.0000", 2, "100"],
    ["0.125", 2, "12.5"],
    ["15", -2, "0.15"],
    ["0.01", -2, "0.0001"],
    ["100", -2, "1"],
    ["12.34", -2, "0.1234"],
    [".5", 1, "5"],
  ])("%s x 10^%i = %s", (text, places, expected) => {
    expect(shiftDecimal(text, places)).toBe(expected);
  });

  it("refuses what is not a plain decimal", () => {
    expect(shiftDecimal("", 2)).toBeNull();
    expect(shiftDecimal("1e3", 2)).toBeNull();
    expect(shiftDecimal("-1", 2)).toBeNull();
    expect(shiftDecimal("1.2.3", 2)).toBeNull();
  });
});

describe("the order share as a percentage", () => {
  it("reads the API's share", () => {
    expect(shareToPercent("0.1500")).toBe("15");
    expect(shareToPercent("0.3333")).toBe("33.33");
  });

  it.each([
    ["15", "0.15"],
    [" 7.5 ", "0.075"],
    ["0.01", "0.0001"],
    ["100", "1"],
    ["100.00", "1"],
  ])("%s%% -> %s", (percent, share) => {
    expect(percentToShare(percent)).toBe(share);
  });

  it.each(["0", "0.00", "100.01", "101", "12.345", "", "abc", "-5", "1e2"])("refuses %j", (percent) => {
    expect(percentToShare(percent)).toBeNull();
  });
});

describe("policyBody", () => {
  const form = formFromPolicy(POLICY);

  it("reads the policy into the form", () => {
    expect(form).toEqual({
      maxOrderShare: "15",
      maxPerGrant: "",
      maxPerCustomer30d: "100.00",
      autoApproveBelow: "10.00",
      reasons: ["late_delivery", "wrong_item"],
      expiryDays: "90",
      requestRole: "agent",
      approveRole: "supervisor",
      instrument: "store_credit",
      offerLateOrders: true,
      feedbackFirst: false,
    });
  });

  it("writes every field back in the API's shape: empty limits are null, reasons in their order", () => {
    const edited: PolicyForm = {
      ...form,
      maxPerCustomer30d: " ",
      expiryDays: "",
      reasons: ["wrong_item", "late_delivery"],
    };
    expect(policyBody(edited)).toEqual({
      body: {
        max_order_share: "0.15",
        max_per_grant: null,
        max_per_customer_30d: null,
        auto_approve_below: "10.00",
        reasons: ["late_delivery", "wrong_item"],
        expiry_days: null,
        request_role: "agent",
        approve_role: "supervisor",
        instrument: "store_credit",
        offer_late_orders: true,
        feedback_first: false,
      },
      errors: {},
    });
  });

  it("names every field at fault with the API's codes", () => {
    const bad: PolicyForm = {
      ...form,
      maxOrderShare: "150",
      maxPerGrant: "12.345",
      maxPerCustomer30d: "-1",
      autoApproveBelow: "",
      reasons: [],
      expiryDays: "3651",
      requestRole: "boss",
      instrument: "cash",
    };
    expect(policyBody(bad).errors).toEqual({
      max_order_share: "invalid_share",
      max_per_grant: "invalid_amount",
      max_per_customer_30d: "invalid_amount",
      auto_approve_below: "invalid_amount",
      reasons: "invalid_reasons",
      expiry_days: "invalid_expiry",
      request_role: "invalid_role",
      instrument: "invalid_instrument",
    });
  });

  it.each([
    ["1", 1],
    ["3650", 3650],
  ])("expiry %s days -> %i", (days, value) => {
    expect(policyBody({ ...form, expiryDays: days }).body.expiry_days).toBe(value);
  });

  it.each(["0", "1.5", "x"])("refuses an expiry of %j days", (days) => {
    expect(policyBody({ ...form, expiryDays: days }).errors).toEqual({ expiry_days: "invalid_expiry" });
  });
});

describe("apiFieldErrors", () => {
  it("reads the policy's codes and DRF's message lists, ignores anything else", () => {
    expect(apiFieldErrors({ detail: "invalid policy", fields: { max_order_share: "invalid_share" } })).toEqual({
      max_order_share: "invalid_share",
    });
    expect(apiFieldErrors({ fields: { reasons: ["Not a list."], other: 3 } })).toEqual({ reasons: "Not a list." });
    expect(apiFieldErrors({ detail: "x" })).toEqual({});
    expect(apiFieldErrors(undefined)).toEqual({});
  });
});

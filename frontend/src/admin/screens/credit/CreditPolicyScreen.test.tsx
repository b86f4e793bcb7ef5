import { fireEvent, screen, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { json, renderScreen, type Call, type Reply } from "../approvals/fakeServer";

// The screen is a lazy chunk: load it once up front (the first test then waits for the API only).
beforeAll(async () => {
  await import("./CreditPolicyScreen");
});

const POLICY = {
  max_order_share: "0.1500",
  max_per_grant: null,
  max_per_customer_30d: "100.00",
  auto_approve_below: "10.00",
  reasons: ["late_delivery", "damaged_item", "wrong_item"],
  expiry_days: 90,
  request_role: "agent",
  approve_role: "supervisor",
  instrument: "store_credit",
  offer_late_orders: false,
  feedback_first: false,
  currency: "USD",
};

const PUT = "PUT /api/admin/credit/policy";

function open(role = "owner", routes: Record<string, Reply | Reply[]> = {}, locale = "en") {
  return renderScreen({
    path: "/credit-policy",
    role,
    locale,
    routes: { "GET /api/admin/credit/policy": json(POLICY), ...routes },
  });
}

function input(label: string): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

function type(label: string, value: string) {
  fireEvent.change(input(label), { target: { value } });
}

/** The form is there (the page's title shows while loading too). */
async function loaded() {
  await screen.findByLabelText("Most per credit");
}

const puts = (calls: Call[]) => calls.filter((call) => call.method === "PUT");

describe("CreditPolicyScreen", () => {
  it("shows the policy: the share as a percentage, empty limits, reasons, roles and switches", async () => {
    const server = open();

    await loaded();
    expect(screen.getByRole("heading", { name: "Store credit policy", level: 1 })).toBeDefined();
    expect(input("Most of one order's total, all credits together").value).toBe("15");
    expect(input("Approval needed from").value).toBe("10.00");
    expect(input("Most per credit").value).toBe("");
    expect(input("Most per customer in 30 days").value).toBe("100.00");
    expect(input("Credit expires after (days)").value).toBe("90");
    expect(input("Late delivery").checked).toBe(true);
    expect(input("Goodwill after feedback").checked).toBe(false);
    expect(input("Lowest role that may request credit").value).toBe("agent");
    expect(input("Lowest role that may approve credit").value).toBe("supervisor");
    expect(input("Store credit on the customer's account").checked).toBe(true);
    expect(input("Offer store credit for late orders automatically").checked).toBe(false);
    expect(
      screen.getByText(
        "Amounts are in the store's currency (USD). Credits in another currency are converted at the order's rate.",
      ),
    ).toBeDefined();
    expect(screen.getByRole("button", { name: "Save" }).getAttribute("aria-disabled")).toBe("true");
    expect(server.lines()).toEqual(["GET /api/admin/credit/policy"]);
  });

  it("saves every field in the API's shape and shows what the API answered", async () => {
    const answer = {
      ...POLICY,
      max_order_share: "0.2000",
      max_per_grant: "50.00",
      expiry_days: null,
      reasons: ["late_delivery", "damaged_item", "service_recovery"],
      approve_role: "admin",
      instrument: "gift_card",
      feedback_first: true,
    };
    const server = open("admin", { [PUT]: json(answer) });

    await loaded();
    type("Most of one order's total, all credits together", "20");
    type("Most per credit", "50");
    type("Credit expires after (days)", "");
    fireEvent.click(input("Wrong item"));
    fireEvent.click(input("Service recovery"));
    fireEvent.change(input("Lowest role that may approve credit"), { target: { value: "admin" } });
    fireEvent.click(input("Gift card (for stores whose plan or currency has no store credit)"));
    fireEvent.click(input("Ask for feedback first"));
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("The store credit policy was saved.")).toBeDefined();
    expect(puts(server.sent()).map((call) => [call.path, call.body])).toEqual([
      [
        "/api/admin/credit/policy",
        {
          max_order_share: "0.2",
          max_per_grant: "50",
          max_per_customer_30d: "100.00",
          auto_approve_below: "10.00",
          reasons: ["late_delivery", "damaged_item", "service_recovery"],
          expiry_days: null,
          request_role: "agent",
          approve_role: "admin",
          instrument: "gift_card",
          offer_late_orders: false,
          feedback_first: true,
        },
      ],
    ]);
    expect(input("Most of one order's total, all credits together").value).toBe("20");
    expect(input("Most per credit").value).toBe("50.00");
    expect(screen.getByRole("button", { name: "Save" }).getAttribute("aria-disabled")).toBe("true");
  });

  it("marks the fields its own checks refuse, and sends nothing", async () => {
    const server = open();

    await loaded();
    type("Most of one order's total, all credits together", "150");
    type("Credit expires after (days)", "0");
    for (const reason of ["Late delivery", "Damaged item", "Wrong item"]) fireEvent.click(input(reason));
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    const banner = await screen.findByText("The policy was not saved");
    expect(banner).toBeDefined();
    expect(screen.getByText("Correct the fields marked below.")).toBeDefined();
    expect(screen.getByText("Enter a percentage above 0 and at most 100, with at most two decimals.")).toBeDefined();
    expect(input("Most of one order's total, all credits together").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Enter whole days from 1 to 3650, or leave it empty.")).toBeDefined();
    expect(screen.getByText("Choose at least one reason.")).toBeDefined();
    expect(input("Approval needed from").getAttribute("aria-invalid")).toBe("false");
    expect(server.lines()).toEqual(["GET /api/admin/credit/policy"]);

    type("Most of one order's total, all credits together", "15");
    expect(screen.queryByText("Enter a percentage above 0 and at most 100, with at most two decimals.")).toBeNull();
    expect(screen.getByText("Enter whole days from 1 to 3650, or leave it empty.")).toBeDefined();
  });

  it("shows the API's field errors on their fields: nothing saved, what was typed kept", async () => {
    const server = open("owner", {
      [PUT]: json(
        { detail: "invalid policy", code: "invalid_amount", fields: { auto_approve_below: "invalid_amount" } },
        400,
      ),
    });

    await loaded();
    type("Approval needed from", "12.5");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Enter an amount of 0 or more, with at most two decimals.")).toBeDefined();
    expect(input("Approval needed from").getAttribute("aria-invalid")).toBe("true");
    expect(input("Approval needed from").value).toBe("12.5");
    expect(screen.getByText("The policy was not saved")).toBeDefined();
    expect(screen.queryByText("The store credit policy was saved.")).toBeNull();
    expect(server.lines()).toEqual(["GET /api/admin/credit/policy", PUT]);
  });

  it("shows a refusal of the role in words, and nothing saved", async () => {
    const server = open("admin", {
      [PUT]: json(
        {
          detail: "only the shop's owner and admins can change the store-credit policy",
          code: "role_may_not_edit_policy",
        },
        403,
      ),
    });

    await loaded();
    type("Most per credit", "25");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("The policy was not saved")).toBeDefined();
    expect(within(alert).getByText("Only the store's owner and admins can change this policy.")).toBeDefined();
    expect(input("Most per credit").value).toBe("25");
    expect(server.lines()).toEqual(["GET /api/admin/credit/policy", PUT]);
  });

  it("shows supervisors and agents the policy read-only, without a Save", async () => {
    const server = open("supervisor");

    const notice = "Only the store's owner and admins can change this policy. You can see it.";
    expect(await screen.findByText(notice)).toBeDefined();
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    expect(input("Most of one order's total, all credits together").disabled).toBe(true);
    expect(input("Late delivery").disabled).toBe(true);
    expect(input("Lowest role that may approve credit").disabled).toBe(true);
    expect(input("Ask for feedback first").disabled).toBe(true);
    fireEvent.submit(input("Most per credit").closest("form")!);
    expect(server.lines()).toEqual(["GET /api/admin/credit/policy"]);
  });

  it("shows the API's reason when the policy cannot be loaded", async () => {
    open("owner", { "GET /api/admin/credit/policy": json({ detail: "Database unavailable", code: "error" }, 503) });

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Database unavailable")).toBeDefined();
    expect(screen.queryByLabelText("Most per credit")).toBeNull();
  });

  it("speaks Simplified Chinese", async () => {
    open("owner", {}, "zh-CN");

    await screen.findByLabelText("单笔积分上限");
    expect(screen.getByRole("heading", { name: "商店积分政策", level: 1 })).toBeDefined();
    expect(input("单个订单所有积分合计的最高比例").value).toBe("15");
    expect(input("延迟送达").checked).toBe(true);
    expect(screen.getByRole("button", { name: "保存" })).toBeDefined();
  });
});

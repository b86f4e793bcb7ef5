import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeServer, json, renderScreen, type Answer } from "./testServer";
import { EXPORTS, FAILED, HOURS_SET, pageConfig, SUPPORT, TRANSLATION } from "./testFixtures";

const EXTENSION_ID = "9f3c2b1e-0d4a-4c6b-8e2f-1a2b3c4d5e6f";
let removeConfig: () => void = () => undefined;

beforeEach(() => window.localStorage.clear());
afterEach(() => removeConfig());

function server(role = "owner", extra: Record<string, Answer> = {}) {
  return fakeServer(
    {
      "GET /api/admin/settings/support": SUPPORT,
      "GET /api/admin/settings/translation": TRANSLATION,
      "GET /api/admin/settings/hours": HOURS_SET,
      "GET /api/admin/faq": [],
      "GET /api/admin/privacy/exports": EXPORTS,
      "GET /api/admin/webhooks/failed": FAILED,
      ...extra,
    },
    role,
  );
}

const step = (title: string) => screen.getByRole("heading", { name: title }).closest(".Polaris-Box") as HTMLElement;

describe("SettingsScreen", () => {
  it("shows the checklist from the API, the settings, exports and failed deliveries", async () => {
    removeConfig = pageConfig(EXTENSION_ID);
    const api = server();
    renderScreen("/settings");

    await screen.findByRole("heading", { name: "Set your business hours" });
    expect(await within(step("Set your business hours")).findByText("Done")).toBeDefined();
    expect(await within(step("Add at least one FAQ entry")).findByText("To do")).toBeDefined();
    expect(screen.getByText("1 of 4 steps done")).toBeDefined();
    expect(within(step("Add at least one FAQ entry")).getByRole("link", { name: "Add FAQ entries" }).getAttribute("href")).toBe(
      "/auto-responses",
    );
    expect(await screen.findByLabelText("Keep conversations for")).toBeDefined();
    expect(await screen.findByText("An API key is saved. It is never shown again.")).toBeDefined();
    expect(await screen.findByRole("heading", { name: "Customer 9007199254740993" })).toBeDefined();
    expect(await screen.findByRole("heading", { name: "orders/updated" })).toBeDefined();
    expect(api.calls().map((call) => `${call.method} ${call.path}`).sort()).toEqual([
      "GET /api/admin/faq",
      "GET /api/admin/privacy/exports",
      "GET /api/admin/settings/hours",
      "GET /api/admin/settings/support",
      "GET /api/admin/settings/translation",
      "GET /api/admin/webhooks/failed",
    ]);
  });

  it("opens the theme editor's deep link at the top of the window", async () => {
    removeConfig = pageConfig(EXTENSION_ID);
    const open = vi.spyOn(window, "open").mockReturnValue(null);
    server();
    renderScreen("/settings");

    fireEvent.click(await screen.findByRole("button", { name: "Open the theme editor" }));

    expect(open.mock.calls).toEqual([
      [
        `https://demo-store.myshopify.com/admin/themes/current/editor?context=apps&activateAppId=${EXTENSION_ID}/chat-embed`,
        "_top",
      ],
    ]);
  });

  it("explains what is missing without the extension id, and opens nothing", async () => {
    removeConfig = pageConfig(null);
    const open = vi.spyOn(window, "open").mockReturnValue(null);
    server();
    renderScreen("/settings");

    const button = await screen.findByRole("button", { name: "Open the theme editor" });
    expect(button.getAttribute("aria-disabled")).toBe("true");
    const explanation = document.getElementById(button.getAttribute("aria-describedby")!);
    expect(explanation?.textContent).toContain("SHOPIFY_CHAT_EXTENSION_ID");
    fireEvent.click(button);
    expect(open).not.toHaveBeenCalled();
  });

  it("keeps the merchant's ticks for this shop", async () => {
    server();
    renderScreen("/settings");

    fireEvent.click(await screen.findByLabelText("I have reviewed the store credit policy"));

    expect(await screen.findByText("2 of 4 steps done")).toBeDefined();
    expect(JSON.parse(window.localStorage.getItem("support-app.onboarding.demo-store.myshopify.com")!)).toEqual({
      creditPolicy: true,
    });
  });

  it("is read-only for an agent: no checklist, no exports or deliveries, nothing requested from them", async () => {
    const api = server("agent");
    renderScreen("/settings");

    expect(await screen.findByText("Only the shop's owner and admins can change these settings.")).toBeDefined();
    expect(((await screen.findByLabelText("Keep conversations for")) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByText("Get started")).toBeNull();
    expect(screen.queryByRole("heading", { name: "Customer data exports" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Save support settings" })).toBeNull();
    expect(api.calls().map((call) => call.path).sort()).toEqual([
      "/api/admin/settings/support",
      "/api/admin/settings/translation",
    ]);
  });

  it("shows a load error with the reason in its card only", async () => {
    server("owner", {
      "GET /api/admin/settings/support": () => json({ detail: "Support settings are unavailable.", code: "error" }, 503),
    });
    renderScreen("/settings");

    const banner = await screen.findByRole("alert");
    expect(within(banner).getByText("Support settings are unavailable.")).toBeDefined();
    expect(await screen.findByText("An API key is saved. It is never shown again.")).toBeDefined();
  });

  it("speaks Chinese", async () => {
    server();
    renderScreen("/settings", "zh-CN");
    expect(await screen.findByText("已完成 1/4 步")).toBeDefined();
    expect(screen.getByRole("heading", { name: "在店面显示聊天窗口" })).toBeDefined();
  });
});

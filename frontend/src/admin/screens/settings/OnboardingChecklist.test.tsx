import { fireEvent, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { OnboardingChecklist } from "./OnboardingChecklist";
import { HOURS_NEVER_SET, HOURS_SET } from "./testFixtures";
import { fakeServer, json, renderWithApi } from "./testServer";
import { SHIPPING } from "../autoresponses/testFixtures";

beforeEach(() => window.localStorage.clear());

const step = (title: string) => screen.getByRole("heading", { name: title }).closest(".Polaris-Box") as HTMLElement;

describe("OnboardingChecklist", () => {
  it("counts hours never set as not done, and an FAQ entry as done", async () => {
    fakeServer({ "GET /api/admin/settings/hours": HOURS_NEVER_SET, "GET /api/admin/faq": [SHIPPING] });
    renderWithApi(<OnboardingChecklist chatEmbedId="ext-1" />);

    expect(await within(step("Set your business hours")).findByText("To do")).toBeDefined();
    expect(await within(step("Add at least one FAQ entry")).findByText("Done")).toBeDefined();
    expect(screen.getByText("1 of 4 steps done")).toBeDefined();
    expect(within(step("Set your business hours")).getByRole("link", { name: "Set business hours" }).getAttribute("href")).toBe(
      "/app/hours",
    );
    expect(within(step("Review the store credit policy")).getByRole("link", { name: "Review the policy" }).getAttribute("href")).toBe(
      "/app/credit-policy",
    );
  });

  it("says it is checking while the API answers", () => {
    fakeServer({ "GET /api/admin/settings/hours": () => new Promise<Response>(() => undefined), "GET /api/admin/faq": [] });
    renderWithApi(<OnboardingChecklist chatEmbedId={null} />);
    expect(within(step("Set your business hours")).getByText("Checking")).toBeDefined();
  });

  it("says it could not check a step whose API failed", async () => {
    fakeServer({
      "GET /api/admin/settings/hours": HOURS_SET,
      "GET /api/admin/faq": () => json({ detail: "Unavailable.", code: "error" }, 503),
    });
    renderWithApi(<OnboardingChecklist chatEmbedId={null} />);

    expect(await within(step("Add at least one FAQ entry")).findByText("Could not check")).toBeDefined();
    expect(await screen.findByText("1 of 4 steps done")).toBeDefined();
  });

  it("keeps a tick, and reads it back for the same shop", async () => {
    fakeServer({ "GET /api/admin/settings/hours": HOURS_SET, "GET /api/admin/faq": [] });
    window.localStorage.setItem("support-app.onboarding.demo-store.myshopify.com", '{"chatEmbed": true}');
    renderWithApi(<OnboardingChecklist chatEmbedId="ext-1" />);

    expect(await screen.findByText("2 of 4 steps done")).toBeDefined();
    expect((screen.getByLabelText("The chat shows on my storefront") as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText("The chat shows on my storefront"));
    expect(await screen.findByText("1 of 4 steps done")).toBeDefined();
    expect(window.localStorage.getItem("support-app.onboarding.demo-store.myshopify.com")).toBe('{"chatEmbed":false}');
  });
});

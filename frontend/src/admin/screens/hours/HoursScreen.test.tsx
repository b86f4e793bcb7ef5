import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeServer, json, renderScreen, type Answer } from "../settings/testServer";
import type { HoursState } from "./hoursForm";
import { HOURS, SLA } from "./testFixtures";

function server(role = "owner", extra: Record<string, Answer> = {}) {
  return fakeServer({ "GET /api/admin/settings/hours": HOURS, "GET /api/admin/settings/sla": SLA, ...extra }, role);
}

describe("HoursScreen", () => {
  it("shows the hours, the open status in shop time, and the SLA tiers", async () => {
    const api = server();
    renderScreen("/hours");

    expect(await screen.findByRole("heading", { name: "Business hours", level: 2 })).toBeDefined();
    expect(screen.getByText("Closed now. Opens Mar 3, 2026, 9:00 AM (shop time).")).toBeDefined();
    expect((screen.getByLabelText("Time zone") as HTMLSelectElement).value).toBe("Europe/Berlin");
    expect((screen.getByLabelText("Monday, shift 2: opens") as HTMLInputElement).value).toBe("14:00");
    expect((screen.getByLabelText("Holiday countries") as HTMLInputElement).value).toBe("DE");
    expect(screen.getByText("Germany")).toBeDefined();
    expect(screen.getByText("Dec 24, 2026")).toBeDefined();
    const tierC = await screen.findByRole("group", { name: "Tier C: general" });
    expect(within(tierC).getByText("Custom")).toBeDefined();
    expect((within(tierC).getByLabelText("First response") as HTMLInputElement).value).toBe("8");
    expect(within(tierC).getByText("4 h later: reassign to an agent who is online")).toBeDefined();
    expect(api.calls().map((call) => `${call.method} ${call.path}`)).toEqual([
      "GET /api/admin/settings/hours",
      "GET /api/admin/settings/sla",
    ]);
  });

  it("saves the edited hours with the exact body and shows the server's answer", async () => {
    const saved: HoursState = { ...HOURS, weekly: { ...HOURS.weekly, sat: [["10:00", "14:00"]] }, open_now: true };
    const api = server("owner", { "PUT /api/admin/settings/hours": () => json(saved) });
    renderScreen("/hours");

    fireEvent.click(await screen.findByRole("button", { name: "Open this day: Saturday" }));
    fireEvent.change(screen.getByLabelText("Saturday, shift 1: opens"), { target: { value: "10:00" } });
    fireEvent.change(screen.getByLabelText("Saturday, shift 1: closes"), { target: { value: "14:00" } });
    fireEvent.click(screen.getByRole("button", { name: "Save business hours" }));

    expect(await screen.findByText("Business hours saved.")).toBeDefined();
    expect(screen.getByText("Open now: your team is expected to answer.")).toBeDefined();
    expect(api.writes().map((call) => [call.method, call.path, call.body])).toEqual([
      [
        "PUT",
        "/api/admin/settings/hours",
        {
          timezone: "Europe/Berlin",
          weekly: { ...HOURS.weekly, sat: [["10:00", "14:00"]] },
          holiday_countries: ["DE"],
          holiday_subdivision: "BY",
          closed_dates: ["2026-12-24"],
          greeting_enabled: true,
          out_of_hours_enabled: true,
        },
      ],
    ]);
  });

  it("shows a bad time at its field and sends nothing", async () => {
    const api = server();
    renderScreen("/hours");

    fireEvent.change(await screen.findByLabelText("Tuesday, shift 1: closes"), { target: { value: "8:00" } });
    fireEvent.click(screen.getByRole("button", { name: "Save business hours" }));

    expect(await screen.findByText("The shift must end after it starts.")).toBeDefined();
    expect(screen.getByText("Fix the highlighted fields; nothing was saved.")).toBeDefined();
    expect(api.writes()).toEqual([]);
  });

  it("shows the server's refusal at its field, and nothing changes", async () => {
    const api = server("owner", {
      "PUT /api/admin/settings/hours": () =>
        json(
          {
            detail: "holiday_countries holds a country without a holiday calendar",
            code: "unknown_country",
          },
          400,
        ),
    });
    renderScreen("/hours");

    fireEvent.change(await screen.findByLabelText("Holiday countries"), { target: { value: "DE, XX" } });
    fireEvent.click(screen.getByRole("button", { name: "Save business hours" }));

    expect(
      await screen.findByText("There is no public-holiday calendar for one of these countries."),
    ).toBeDefined();
    expect(screen.queryByText("Business hours saved.")).toBeNull();
    expect(screen.getByText("Closed now. Opens Mar 3, 2026, 9:00 AM (shop time).")).toBeDefined();
    expect(api.writes()).toHaveLength(1);
    expect((api.writes()[0]!.body as { holiday_countries: string[] }).holiday_countries).toEqual(["DE", "XX"]);
  });

  it("is read-only for an agent: fields disabled, no save buttons", async () => {
    const api = server("agent");
    renderScreen("/hours");

    expect(
      await screen.findByText("Only the shop's owner and admins can change business hours and SLA targets."),
    ).toBeDefined();
    expect((screen.getByLabelText("Time zone") as HTMLSelectElement).disabled).toBe(true);
    expect(await screen.findByRole("group", { name: "Tier A: urgent" })).toBeDefined();
    expect(screen.queryByRole("button", { name: "Save business hours" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Save SLA targets" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Open this day: Saturday" })).toBeNull();
    expect(api.writes()).toEqual([]);
  });

  it("shows a load error with the API's reason and retries", async () => {
    let attempts = 0;
    server("owner", {
      "GET /api/admin/settings/hours": () =>
        ++attempts === 1 ? json({ detail: "Service unavailable.", code: "error" }, 503) : json(HOURS),
    });
    renderScreen("/hours");

    const banner = await screen.findByRole("alert");
    expect(within(banner).getByText("Service unavailable.")).toBeDefined();
    fireEvent.click(within(banner).getByRole("button", { name: "Try again" }));
    expect(await screen.findByLabelText("Time zone")).toBeDefined();
    expect(attempts).toBe(2);
  });
});

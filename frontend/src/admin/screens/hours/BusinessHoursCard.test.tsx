import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeServer, json, renderWithApi } from "../settings/testServer";
import { BusinessHoursCard } from "./BusinessHoursCard";
import type { HoursState } from "./hoursForm";
import { HOURS } from "./testFixtures";

function renderCard(role = "owner", hours: HoursState = HOURS) {
  const onSaved = vi.fn();
  renderWithApi(<BusinessHoursCard hours={hours} canEdit={role === "owner"} onSaved={onSaved} />, { role });
  return onSaved;
}

function saveBody(api: ReturnType<typeof fakeServer>) {
  return api.writes()[0]?.body as Record<string, unknown>;
}

describe("BusinessHoursCard", () => {
  it("adds a split shift, removes a closed day, switches off the greeting, and saves exactly that", async () => {
    const api = fakeServer({ "PUT /api/admin/settings/hours": (call) => json({ ...HOURS, ...(call.body as object) }) });
    const onSaved = renderCard();

    fireEvent.click(screen.getByRole("button", { name: "Add shift: Friday" }));
    fireEvent.change(screen.getByLabelText("Friday, shift 2: opens"), { target: { value: "17:00" } });
    fireEvent.change(screen.getByLabelText("Friday, shift 2: closes"), { target: { value: "24:00" } });
    fireEvent.click(screen.getByRole("button", { name: "Remove Dec 24, 2026" }));
    fireEvent.click(screen.getByLabelText("Greet shoppers when they open the chat"));
    fireEvent.click(screen.getByRole("button", { name: "Save business hours" }));

    expect(await screen.findByText("Business hours saved.")).toBeDefined();
    const body = saveBody(api);
    expect(body.weekly).toEqual({
      ...HOURS.weekly,
      fri: [
        ["09:00", "16:00"],
        ["17:00", "24:00"],
      ],
    });
    expect(body.closed_dates).toEqual([]);
    expect(body.greeting_enabled).toBe(false);
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it("closes a day by removing its only shift, and opens a closed day with 09:00-17:00", async () => {
    const api = fakeServer({ "PUT /api/admin/settings/hours": (call) => json({ ...HOURS, ...(call.body as object) }) });
    renderCard();

    fireEvent.click(screen.getByRole("button", { name: "Remove shift 1 on Tuesday" }));
    fireEvent.click(screen.getByRole("button", { name: "Open this day: Sunday" }));
    expect((screen.getByLabelText("Sunday, shift 1: opens") as HTMLInputElement).value).toBe("09:00");
    fireEvent.click(screen.getByRole("button", { name: "Save business hours" }));

    expect(await screen.findByText("Business hours saved.")).toBeDefined();
    const weekly = saveBody(api).weekly as Record<string, unknown>;
    expect(weekly.tue).toEqual([]);
    expect(weekly.sun).toEqual([["09:00", "17:00"]]);
  });

  it("refuses overlapping shifts on their day and sends nothing", () => {
    const api = fakeServer({});
    renderCard();

    fireEvent.change(screen.getByLabelText("Monday, shift 2: opens"), { target: { value: "11:00" } });
    fireEvent.click(screen.getByRole("button", { name: "Save business hours" }));

    expect(screen.getByText("Shifts on this day overlap.")).toBeDefined();
    expect(api.calls()).toEqual([]);
  });

  it("adds a closed day in order, refusing a day already closed", async () => {
    const api = fakeServer({ "PUT /api/admin/settings/hours": (call) => json({ ...HOURS, ...(call.body as object) }) });
    renderCard();

    const field = screen.getByLabelText("Add a closed day");
    fireEvent.change(field, { target: { value: "2026-12-24" } });
    fireEvent.click(screen.getByRole("button", { name: "Add day" }));
    expect(screen.getByText("This day is already closed.")).toBeDefined();

    fireEvent.change(field, { target: { value: "2026-01-01" } });
    fireEvent.click(screen.getByRole("button", { name: "Add day" }));
    expect(screen.queryByText("This day is already closed.")).toBeNull();
    expect(screen.getByText("Jan 1, 2026")).toBeDefined();
    fireEvent.click(screen.getByRole("button", { name: "Save business hours" }));

    expect(await screen.findByText("Business hours saved.")).toBeDefined();
    expect(saveBody(api).closed_dates).toEqual(["2026-01-01", "2026-12-24"]);
  });

  it("asks for a country before a region, and sends nothing", () => {
    const api = fakeServer({});
    renderCard();

    fireEvent.change(screen.getByLabelText("Holiday countries"), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Save business hours" }));

    expect(screen.getByText("A region needs a holiday country.")).toBeDefined();
    expect(api.calls()).toEqual([]);
  });

  it("shows a 403 with the server's reason in a banner; the form keeps the edit", async () => {
    const api = fakeServer({
      "PUT /api/admin/settings/hours": () =>
        json({ detail: "only the shop's owner and admins can change business hours", code: "permission_denied" }, 403),
    });
    const onSaved = renderCard();

    fireEvent.change(screen.getByLabelText("Time zone"), { target: { value: "Asia/Shanghai" } });
    fireEvent.click(screen.getByRole("button", { name: "Save business hours" }));

    const banner = await screen.findByRole("alert");
    expect(within(banner).getByText("Could not save")).toBeDefined();
    expect(within(banner).getByText("only the shop's owner and admins can change business hours")).toBeDefined();
    expect((screen.getByLabelText("Time zone") as HTMLSelectElement).value).toBe("Asia/Shanghai");
    expect(onSaved).not.toHaveBeenCalled();
    expect(api.writes()).toHaveLength(1);
  });

  it("says when a shop has no opening in the coming year", () => {
    fakeServer({});
    renderCard("owner", { ...HOURS, open_now: false, next_opening: null });
    expect(screen.getByText("Closed now, with no opening in the coming year.")).toBeDefined();
  });
});

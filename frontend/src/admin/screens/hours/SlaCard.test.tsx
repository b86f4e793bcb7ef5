import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeServer, json, renderWithApi } from "../settings/testServer";
import { SlaCard } from "./SlaCard";
import type { SlaState } from "./slaForm";
import { SLA } from "./testFixtures";

function renderCard(canEdit = true) {
  const onSaved = vi.fn();
  renderWithApi(<SlaCard sla={SLA} canEdit={canEdit} onSaved={onSaved} />);
  return onSaved;
}

const tier = (name: string) => screen.getByRole("group", { name });

describe("SlaCard", () => {
  it("shows each tier's targets in the largest whole unit", () => {
    fakeServer({});
    renderCard();

    const a = tier("Tier A: urgent");
    expect((within(a).getByLabelText("First response") as HTMLInputElement).value).toBe("1");
    expect((within(a).getByLabelText("Unit of First response (tier A)") as HTMLSelectElement).value).toBe("hours");
    expect((within(a).getByLabelText("Resolution") as HTMLInputElement).value).toBe("1");
    expect((within(a).getByLabelText("Unit of Resolution (tier A)") as HTMLSelectElement).value).toBe("days");
    expect(within(a).getByText("Default")).toBeDefined();
    expect(within(a).getByText("At the deadline: notify the assigned agent")).toBeDefined();
    expect(within(a).getByText("15 min later: notify the supervisors")).toBeDefined();
    expect(within(a).getByText("1 h later: raise the conversation's priority")).toBeDefined();
    expect(screen.getByRole("button", { name: "Save SLA targets" }).getAttribute("aria-disabled")).toBe("true");
  });

  it("sends only the changed tier, in minutes, and shows the saved state", async () => {
    const saved: SlaState = {
      ...SLA,
      A: { first_response_minutes: 30, next_response_minutes: 120, resolution_minutes: 1440, business_hours: true, default: false },
    };
    const api = fakeServer({ "PUT /api/admin/settings/sla": () => json(saved) });
    const onSaved = renderCard();

    const a = tier("Tier A: urgent");
    fireEvent.change(within(a).getByLabelText("First response"), { target: { value: "30" } });
    fireEvent.change(within(a).getByLabelText("Unit of First response (tier A)"), { target: { value: "minutes" } });
    fireEvent.click(within(a).getByLabelText("Count business hours only"));
    expect(within(a).getByText("8 min later: notify the supervisors")).toBeDefined();
    fireEvent.click(screen.getByRole("button", { name: "Save SLA targets" }));

    expect(await screen.findByText("SLA targets saved.")).toBeDefined();
    expect(api.writes().map((call) => [call.method, call.path, call.body])).toEqual([
      [
        "PUT",
        "/api/admin/settings/sla",
        { A: { first_response_minutes: 30, next_response_minutes: 120, resolution_minutes: 1440, business_hours: true } },
      ],
    ]);
    expect(onSaved).toHaveBeenCalledWith(saved);
    expect((within(tier("Tier A: urgent")).getByLabelText("First response") as HTMLInputElement).value).toBe("30");
  });

  it("restores a customised tier to the defaults with null", async () => {
    const api = fakeServer({ "PUT /api/admin/settings/sla": () => json(SLA) });
    renderCard();

    fireEvent.click(screen.getByRole("button", { name: "Restore the defaults of Tier C: general" }));
    expect(within(tier("Tier C: general")).getByText("This tier goes back to the app's defaults when you save.")).toBeDefined();
    fireEvent.click(screen.getByRole("button", { name: "Save SLA targets" }));

    expect(await screen.findByText("SLA targets saved.")).toBeDefined();
    expect(api.writes().map((call) => call.body)).toEqual([{ C: null }]);
  });

  it("refuses a target that is not a whole number and sends nothing", () => {
    const api = fakeServer({});
    renderCard();

    const b = tier("Tier B: high");
    fireEvent.change(within(b).getByLabelText("Next response"), { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Save SLA targets" }));

    expect(within(b).getByText("Enter a whole number of at least 1.")).toBeDefined();
    expect(api.calls()).toEqual([]);
  });

  it("shows the server's field errors at their fields", async () => {
    const api = fakeServer({
      "PUT /api/admin/settings/sla": () =>
        json(
          {
            detail: "invalid input",
            code: "invalid_input",
            fields: { B: { resolution_minutes: ["Ensure this value is less than or equal to 86400."] } },
          },
          400,
        ),
    });
    const onSaved = renderCard();

    const b = tier("Tier B: high");
    fireEvent.change(within(b).getByLabelText("Resolution"), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("button", { name: "Save SLA targets" }));

    expect(await within(b).findByText("Ensure this value is less than or equal to 86400.")).toBeDefined();
    expect(screen.getByText("Some targets are not valid; see the fields.")).toBeDefined();
    expect(screen.queryByText("SLA targets saved.")).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
    expect(api.writes()).toHaveLength(1);
  });

  it("is read-only without the right: disabled fields, no save or restore", () => {
    fakeServer({});
    renderCard(false);

    expect((within(tier("Tier C: general")).getByLabelText("First response") as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: "Save SLA targets" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Restore the defaults of Tier C: general" })).toBeNull();
  });
});

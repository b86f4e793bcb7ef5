import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { SupportSettingsCard } from "./SupportSettingsCard";
import { SUPPORT } from "./testFixtures";
import { fakeServer, json, renderWithApi } from "./testServer";

function renderCard(canEdit = true) {
  const onSaved = vi.fn();
  renderWithApi(<SupportSettingsCard settings={SUPPORT} canEdit={canEdit} onSaved={onSaved} />);
  return onSaved;
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe("SupportSettingsCard", () => {
  it("shows the settings, money in the shop's currency", () => {
    fakeServer({});
    renderCard();
    expect(field("Keep conversations for").value).toBe("18");
    expect(field("High-value customer from").value).toBe("500.00");
    expect(screen.getByText("EUR")).toBeDefined();
    expect(screen.getByRole("button", { name: "Save support settings" }).getAttribute("aria-disabled")).toBe("true");
  });

  it("sends only what changed and shows the saved values", async () => {
    const saved = { ...SUPPORT, retention_months: 24, high_value_threshold: null };
    const api = fakeServer({ "PUT /api/admin/settings/support": () => json(saved) });
    const onSaved = renderCard();

    fireEvent.change(field("Keep conversations for"), { target: { value: "24" } });
    fireEvent.change(field("High-value customer from"), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Save support settings" }));

    expect(await screen.findByText("Saved.")).toBeDefined();
    expect(api.calls().map((call) => [call.method, call.path, call.body])).toEqual([
      ["PUT", "/api/admin/settings/support", { retention_months: 24, high_value_threshold: null }],
    ]);
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it("shows a value out of range at its field and sends nothing", () => {
    const api = fakeServer({});
    renderCard();

    fireEvent.change(field("Nudge a silent shopper after"), { target: { value: "1000" } });
    fireEvent.change(field("High-value customer from"), { target: { value: "lots" } });
    fireEvent.click(screen.getByRole("button", { name: "Save support settings" }));

    expect(screen.getByText("Enter a whole number from 0 to 720.")).toBeDefined();
    expect(screen.getByText("Enter an amount such as 500 or 499.99, or leave it empty.")).toBeDefined();
    expect(api.calls()).toEqual([]);
  });

  it("shows the server's field errors and its refusal", async () => {
    fakeServer({
      "PUT /api/admin/settings/support": () =>
        json(
          {
            detail: "invalid input",
            code: "invalid_input",
            fields: { dispute_deadline_hours: ["Ensure this value is less than or equal to 720."] },
          },
          400,
        ),
    });
    const onSaved = renderCard();

    fireEvent.change(field("Dispute evidence deadline"), { target: { value: "96" } });
    fireEvent.click(screen.getByRole("button", { name: "Save support settings" }));

    expect(await screen.findByText("Ensure this value is less than or equal to 720.")).toBeDefined();
    expect(screen.getByText("Some fields are not valid; see the fields.")).toBeDefined();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("is read-only without the right", () => {
    fakeServer({});
    renderCard(false);
    expect(field("Keep conversations for").disabled).toBe(true);
    expect(screen.queryByRole("button", { name: "Save support settings" })).toBeNull();
  });
});

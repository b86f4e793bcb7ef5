import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeServer, renderWithApi } from "../settings/testServer";
import { ClosedDatesEditor } from "./ClosedDatesEditor";

describe("ClosedDatesEditor", () => {
  it("adds a valid day in order and clears the field", () => {
    fakeServer({});
    const onChange = vi.fn();
    renderWithApi(<ClosedDatesEditor dates={["2026-12-24"]} error={undefined} disabled={false} onChange={onChange} />);

    const field = screen.getByLabelText("Add a closed day") as HTMLInputElement;
    fireEvent.change(field, { target: { value: "2026-05-01" } });
    fireEvent.click(screen.getByRole("button", { name: "Add day" }));

    expect(onChange).toHaveBeenCalledWith(["2026-05-01", "2026-12-24"]);
    expect(field.value).toBe("");
  });

  it("refuses an empty day without reporting a change", () => {
    fakeServer({});
    const onChange = vi.fn();
    renderWithApi(<ClosedDatesEditor dates={[]} error={undefined} disabled={false} onChange={onChange} />);

    expect(screen.getByText("No closed days added.")).toBeDefined();
    fireEvent.click(screen.getByRole("button", { name: "Add day" }));
    expect(screen.getByText("Enter a date as YYYY-MM-DD.")).toBeDefined();
    expect(onChange).not.toHaveBeenCalled();
  });

  it("shows the list's error; disabled, it offers neither add nor remove", () => {
    fakeServer({});
    renderWithApi(<ClosedDatesEditor dates={["2026-12-24"]} error="A closed day is not a valid date." disabled onChange={() => undefined} />);
    expect(screen.getByText("A closed day is not a valid date.")).toBeDefined();
    expect(screen.queryByLabelText("Add a closed day")).toBeNull();
    expect(screen.queryByRole("button", { name: "Remove Dec 24, 2026" })).toBeNull();
  });
});

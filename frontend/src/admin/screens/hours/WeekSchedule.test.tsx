import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeServer, renderWithApi } from "../settings/testServer";
import { formFromHours } from "./hoursForm";
import { HOURS } from "./testFixtures";
import { WeekSchedule } from "./WeekSchedule";

const weekly = formFromHours(HOURS).weekly;

describe("WeekSchedule", () => {
  it("shows closed days, and reports a new empty second shift", () => {
    fakeServer({});
    const onChange = vi.fn();
    renderWithApi(<WeekSchedule weekly={weekly} errors={{ shifts: {}, days: {} }} disabled={false} onChange={onChange} />);

    expect(screen.getAllByText("Closed")).toHaveLength(2);
    fireEvent.click(screen.getByRole("button", { name: "Add shift: Thursday" }));
    expect(onChange).toHaveBeenCalledWith({
      ...weekly,
      thu: [
        { start: "09:00", end: "18:00" },
        { start: "", end: "" },
      ],
    });
  });

  it("shows errors at their shift and day", () => {
    fakeServer({});
    renderWithApi(
      <WeekSchedule
        weekly={weekly}
        errors={{ shifts: { "mon.1.start": "hours.error.time" }, days: { mon: "hours.error.overlap" } }}
        disabled={false}
        onChange={() => undefined}
      />,
    );
    expect(screen.getByText("Enter a time as HH:MM, e.g. 09:00.")).toBeDefined();
    expect(screen.getByText("Shifts on this day overlap.")).toBeDefined();
  });

  it("offers no buttons when disabled, and names days in Chinese", () => {
    fakeServer({});
    renderWithApi(<WeekSchedule weekly={weekly} errors={{ shifts: {}, days: {} }} disabled onChange={() => undefined} />, {
      locale: "zh-CN",
    });
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect((screen.getByLabelText("星期一第 1 班：开始") as HTMLInputElement).disabled).toBe(true);
  });
});

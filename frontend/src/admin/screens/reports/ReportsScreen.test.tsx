import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { json, renderScreen, type Reply } from "../approvals/fakeServer";
import { CREDIT_REPORT, SUPPORT_REPORT } from "./fixtures";

// 03:30 UTC on 2 March is still 1 March in the shop's zone (New York): the last 30 days are
// 31 January to 1 March, `to` (excluded) 2 March.
const NOW = new Date("2026-03-02T03:30:00Z");
const REPORT = "GET /api/admin/reports?from=2026-01-31&to=2026-03-02&group=day";
const CREDIT = "GET /api/admin/credit/reports?from=2026-01&to=2026-03";

// The screen is a lazy chunk with polaris-viz in it: load it once up front, so the first test does
// not spend its waiting time on the import.
beforeAll(async () => {
  await import("./ReportsScreen");
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

function open(role = "supervisor", routes: Record<string, Reply | Reply[]> = {}, locale = "en") {
  return renderScreen({
    path: "/reports",
    role,
    locale,
    withToken: true,
    routes: { [REPORT]: json(SUPPORT_REPORT), [CREDIT]: json(CREDIT_REPORT), ...routes },
  });
}

/** The text of an element, narrow no-break spaces (Intl, before AM/PM) read as spaces. */
const text = (element: Element | null) => (element?.textContent ?? "").replace(/\u202f/g, " ");

function figure(label: string): string {
  return text(screen.getByText(label, { selector: "dt" }).parentElement);
}

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .map((row) => [...row.querySelectorAll("th, td")].map((cell) => text(cell)));
}

describe("ReportsScreen", () => {
  it("loads the last 30 days of the shop's calendar and shows the key figures in words", async () => {
    const server = open();

    expect(await screen.findByText("Overview")).toBeDefined();
    expect(figure("Conversations")).toBe("Conversations129 of 12");
    expect(figure("Resolved")).toBe("Resolved75%9 of 12");
    expect(figure("Median first response")).toBe("Median first response13 min10 first responses");
    expect(figure("Median resolution time")).toBe("Median resolution time2 h9 of 12");
    expect(figure("Satisfied customers (CSAT)")).toBe("Satisfied customers (CSAT)75%4 ratings, average 4.25 of 5");
    expect(figure("SLA targets met")).toBe("SLA targets met90%9 met, 1 missed");
    expect(figure("Resolved by the bot alone")).toBe("Resolved by the bot alone33.3%3 conversations");
    expect(figure("Store credit issued")).toBe("Store credit issued€15.00, $35.503 credits");
    expect(screen.getByText("Jan 31, 2026 to Mar 1, 2026, America/New_York time")).toBeDefined();
    expect(server.lines().sort()).toEqual([CREDIT, REPORT].sort());
  });

  it("gives every chart a summary and its data as a table", async () => {
    open();

    const first = await screen.findByRole("region", { name: "First response time" });
    const said = "Median first response 13 min; 90% of first responses within 1 h 30 min.";
    expect(within(first).getByText(said)).toBeDefined();
    expect(within(first).queryByRole("table")).toBeNull();
    const toggle = within(first).getByRole("button", { name: "Show the data as a table" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(toggle);
    expect(rowsOf(within(first).getByRole("table"))).toEqual([
      ["Period", "Median", "90th percentile"],
      ["Feb 28", "12.5 min", "90 min"],
      ["Mar 1", "No data", "No data"],
    ]);
    expect(within(first).getByRole("button", { name: "Hide the table" }).getAttribute("aria-expanded")).toBe("true");

    const region = (name: string) => screen.getByRole("region", { name });
    expect(text(region("Resolution time").querySelector("p"))).toBe(
      "Median resolution time 2 h; 90% resolved within 1 d 1 h.",
    );
    expect(within(region("Customer satisfaction")).getByText("75% of 4 ratings were 4 or 5 stars.")).toBeDefined();
    expect(
      within(region("SLA attainment")).getByText("90% of SLA targets met: 9 met, 1 missed."),
    ).toBeDefined();
    expect(
      within(region("Conversations per period")).getByText("12 conversations started, 9 of them resolved."),
    ).toBeDefined();
    expect(within(region("Conversations by channel")).getByText("Chat: 10, Email: 2")).toBeDefined();

    const credits = region("Store credit issued");
    expect(within(credits).getByText("€15.00, $35.50 issued in 3 credits.")).toBeDefined();
    fireEvent.click(within(credits).getByRole("button", { name: "Show the data as a table" }));
    expect(rowsOf(within(credits).getByRole("table"))).toEqual([
      ["Period", "EUR", "USD"],
      ["Feb 28", "€15.00", "$10.50"],
      ["Mar 1", "€0.00", "$25.00"],
    ]);
  });

  it("shows SLA per target and figures per agent", async () => {
    open();

    const sla = await screen.findByRole("region", { name: "SLA by target" });
    expect(rowsOf(within(sla).getByRole("table"))).toEqual([
      ["Target", "Met", "Missed", "Attainment", "Warnings", "Escalations"],
      ["First response", "6", "1", "85.7%", "2", "1"],
      ["Next response", "0", "0", "No data", "0", "0"],
      ["Resolution", "3", "0", "100%", "0", "0"],
    ]);
    const agents = screen.getByRole("region", { name: "By agent" });
    expect(rowsOf(within(agents).getByRole("table"))).toEqual([
      ["Agent", "Conversations", "Resolved", "First responses", "Median first response", "CSAT"],
      ["Sam Agent", "8", "6", "7", "10 min", "66.7%"],
    ]);
  });

  it("shows the store-credit report: pending approvals, per month, totals, reasons and requesters", async () => {
    open();

    expect(await screen.findByText("2 requests waiting for approval, the oldest since Mar 1, 2026, 9:00 AM.", {
      normalizer: (value) => value.replace(/\u202f/g, " "),
    })).toBeDefined();
    expect(screen.getByText("Jan 2026 to Mar 2026")).toBeDefined();
    const months = screen.getByRole("region", { name: "Issued per month" });
    expect(within(months).getByText("€15.00, $45.50 issued from Jan 2026 to Mar 2026.")).toBeDefined();
    fireEvent.click(within(months).getByRole("button", { name: "Show the data as a table" }));
    expect(rowsOf(within(months).getByRole("table"))).toEqual([
      ["Month", "EUR", "USD"],
      ["Jan 2026", "€0.00", "$10.00"],
      ["Feb 2026", "€0.00", "$0.00"],
      ["Mar 2026", "€15.00", "$35.50"],
    ]);
    const table = (title: string) =>
      rowsOf(within(screen.getByRole("region", { name: title })).getByRole("table"));
    expect(table("Totals")).toEqual([
      ["Currency", "Credits", "Amount", "Revenue", "Share of revenue"],
      ["EUR", "1", "€15.00", "€1,500.00", "1%"],
      ["USD", "3", "$45.50", "No data", "No data"],
    ]);
    expect(table("By reason")).toEqual([
      ["Reason", "Credits", "Amount"],
      ["Late delivery", "3", "$45.50"],
      ["Damaged item", "1", "€15.00"],
    ]);
    expect(table("By requester")).toEqual([
      ["Requested by", "Credits", "Amount"],
      ["Sam Agent", "2", "$30.00"],
      ["The app (automatic offers)", "1", "$15.50"],
    ]);
  });

  it("asks again for another period and grouping", async () => {
    const server = open("admin", {
      "GET /api/admin/reports?from=2026-02-23&to=2026-03-02&group=day": json(SUPPORT_REPORT),
      "GET /api/admin/credit/reports?from=2026-02&to=2026-03": json(CREDIT_REPORT),
      "GET /api/admin/reports?from=2026-02-23&to=2026-03-02&group=week": json({ ...SUPPORT_REPORT, group: "week" }),
      "GET /api/admin/reports?from=2025-03-02&to=2026-03-02&group=month": json({ ...SUPPORT_REPORT, group: "month" }),
      "GET /api/admin/credit/reports?from=2025-03&to=2026-03": json(CREDIT_REPORT),
    });

    await screen.findByText("Overview");
    fireEvent.change(screen.getByLabelText("Period"), { target: { value: "7" } });
    await screen.findByText("Overview");
    fireEvent.change(screen.getByLabelText("Group by"), { target: { value: "week" } });
    await screen.findByText("Overview");
    fireEvent.change(screen.getByLabelText("Period"), { target: { value: "365" } });
    expect(await screen.findByText("Mar 2, 2025 to Mar 1, 2026, America/New_York time")).toBeDefined();
    expect((screen.getByLabelText("Group by") as HTMLSelectElement).value).toBe("month");
    await waitFor(() =>
      expect(server.lines().slice(2)).toEqual([
        "GET /api/admin/reports?from=2026-02-23&to=2026-03-02&group=day",
        "GET /api/admin/credit/reports?from=2026-02&to=2026-03",
        "GET /api/admin/reports?from=2026-02-23&to=2026-03-02&group=week",
        "GET /api/admin/reports?from=2025-03-02&to=2026-03-02&group=month",
        "GET /api/admin/credit/reports?from=2025-03&to=2026-03",
      ]),
    );
  });

  it("downloads the CSV with the session token and saves it under the server's file name", async () => {
    const csv = "section,figure,value\nsummary,conversations,12\n";
    const saved: { href: string; download: string }[] = [];
    const blobs: Blob[] = [];
    Object.defineProperty(URL, "createObjectURL", {
      configurable: true,
      value: (blob: Blob) => {
        blobs.push(blob);
        return "blob:https://app.example/report";
      },
    });
    Object.defineProperty(URL, "revokeObjectURL", { configurable: true, value: () => undefined });
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
    try {
      const server = open("owner", {
        "GET /api/admin/reports.csv?from=2026-01-31&to=2026-03-02&group=day": () =>
          new Response(csv, {
            headers: {
              "Content-Type": "text/csv; charset=utf-8",
              "Content-Disposition": 'attachment; filename="support-report-2026-01-31-2026-03-02.csv"',
            },
          }),
      });

      await screen.findByText("Overview");
      fireEvent.click(screen.getByRole("button", { name: "Download CSV" }));

      await waitFor(() => expect(saved).toHaveLength(1));
      expect(saved[0]).toEqual({
        href: "blob:https://app.example/report",
        download: "support-report-2026-01-31-2026-03-02.csv",
      });
      expect(await blobs[0]!.text()).toBe(csv);
      const call = server.sent().find((c) => c.path === "/api/admin/reports.csv")!;
      expect(call.query).toBe("from=2026-01-31&to=2026-03-02&group=day");
      expect(call.headers.get("Authorization")).toBe("Bearer test-token");
      expect(call.headers.get("Accept")).toBe("text/csv");
      expect(screen.queryByText("The CSV could not be downloaded")).toBeNull();
    } finally {
      Reflect.deleteProperty(URL, "createObjectURL");
      Reflect.deleteProperty(URL, "revokeObjectURL");
    }
  });

  it("shows a refused download with the API's reason and saves nothing", async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const server = open("supervisor", {
      "GET /api/admin/reports.csv?from=2026-01-31&to=2026-03-02&group=day": json(
        { detail: "refused: range_too_long", code: "range_too_long" },
        400,
      ),
    });

    await screen.findByText("Overview");
    fireEvent.click(screen.getByRole("button", { name: "Download CSV" }));

    expect(await screen.findByText("The CSV could not be downloaded")).toBeDefined();
    expect(screen.getByText("refused: range_too_long")).toBeDefined();
    expect(click).not.toHaveBeenCalled();
    expect(server.lines().filter((line) => line.includes("reports.csv"))).toHaveLength(1);
  });

  it("shows the API's reason when the support report cannot be loaded; the credit report still shows", async () => {
    open("supervisor", { [REPORT]: json({ detail: "refused: range_too_long", code: "range_too_long" }, 400) });

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("refused: range_too_long")).toBeDefined();
    expect(await screen.findByText("Jan 2026 to Mar 2026")).toBeDefined();
    expect(screen.queryByText("Overview")).toBeNull();
  });

  it("tells agents reports are for supervisors and up, and asks for nothing", async () => {
    const server = open("agent");

    expect(await screen.findByText("Reports are for supervisors, admins and owners.")).toBeDefined();
    expect(screen.queryByRole("button", { name: "Download CSV" })).toBeNull();
    expect(server.lines()).toEqual([]);
  });

  it("speaks Simplified Chinese", async () => {
    open("supervisor", {}, "zh-CN");

    expect(await screen.findByText("概览")).toBeDefined();
    expect(figure("首次响应时间中位数")).toBe("首次响应时间中位数13 分钟10 次首次响应");
    expect(screen.getByRole("region", { name: "首次响应时间" })).toBeDefined();
    expect(screen.getByRole("button", { name: "下载 CSV" })).toBeDefined();
  });
});

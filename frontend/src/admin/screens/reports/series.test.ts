import { describe, expect, it } from "vitest";
import { CREDIT_REPORT, SUPPORT_REPORT } from "./fixtures";
import {
  channelSeries,
  creditMonthSeries,
  creditSeries,
  seriesOf,
  tableRows,
  toHours,
  toMinutes,
  toPercent,
} from "./series";

const label = (period: string) => `L${period.slice(5)}`;

describe("chart series", () => {
  it("one figure per bucket, in minutes, hours or percent, gaps kept as null", () => {
    expect(
      seriesOf(SUPPORT_REPORT.series, label, "Median", (row) => toMinutes(row.first_response_median_seconds)),
    ).toEqual({
      name: "Median",
      data: [
        { key: "L02-28", value: 12.5 },
        { key: "L03-01", value: null },
      ],
    });
    expect(seriesOf(SUPPORT_REPORT.series, label, "p90", (row) => toHours(row.resolution_p90_seconds)).data).toEqual([
      { key: "L02-28", value: 25 },
      { key: "L03-01", value: null },
    ]);
    expect(seriesOf(SUPPORT_REPORT.series, label, "CSAT", (row) => toPercent(row.csat_score)).data).toEqual([
      { key: "L02-28", value: 75 },
      { key: "L03-01", value: null },
    ]);
    expect(toPercent(0.3333)).toBe(33.3);
  });

  it("conversations per channel", () => {
    expect(channelSeries(SUPPORT_REPORT.volume, "Conversations", (c) => c.toUpperCase())).toEqual({
      name: "Conversations",
      data: [
        { key: "CHAT", value: 10 },
        { key: "EMAIL", value: 2 },
      ],
    });
  });

  it("credit issued: one series per currency, every bucket, zero where none", () => {
    expect(creditSeries(SUPPORT_REPORT, label)).toEqual([
      {
        name: "EUR",
        data: [
          { key: "L02-28", value: 15 },
          { key: "L03-01", value: 0 },
        ],
      },
      {
        name: "USD",
        data: [
          { key: "L02-28", value: 10.5 },
          { key: "L03-01", value: 25 },
        ],
      },
    ]);
  });

  it("credit per month: every month of the report, one series per currency", () => {
    expect(creditMonthSeries(CREDIT_REPORT, ["2026-01", "2026-02", "2026-03"], (m) => m)).toEqual([
      {
        name: "EUR",
        data: [
          { key: "2026-01", value: 0 },
          { key: "2026-02", value: 0 },
          { key: "2026-03", value: 15 },
        ],
      },
      {
        name: "USD",
        data: [
          { key: "2026-01", value: 10 },
          { key: "2026-02", value: 0 },
          { key: "2026-03", value: 35.5 },
        ],
      },
    ]);
  });
});

describe("tableRows", () => {
  it("the key, then each series' value as the format writes it", () => {
    const series = creditSeries(SUPPORT_REPORT, label);
    expect(tableRows(series, (value, index) => `${series[index]!.name} ${value}`)).toEqual([
      ["L02-28", "EUR 15", "USD 10.5"],
      ["L03-01", "EUR 0", "USD 25"],
    ]);
    expect(tableRows([], () => "")).toEqual([]);
  });
});

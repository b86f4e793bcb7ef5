/**
 * Thin wrappers over polaris-viz (loaded only with this lazy screen, with its CSS). Each chart is
 * decoration for sighted users: the card around it says the same in text and offers a table.
 */
import "@shopify/polaris-viz/build/esm/styles.css";
import { BarChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import type { ReactNode } from "react";
import type { ChartSeries } from "./series";

export function ChartsProvider({ children }: { children: ReactNode }) {
  return <PolarisVizProvider defaultTheme="Light">{children}</PolarisVizProvider>;
}

export interface ChartProps {
  kind: "line" | "bar" | "horizontal";
  series: ChartSeries[];
  /** The y axis' labels, e.g. "12 min". */
  formatValue: (value: number) => string;
  stacked?: boolean;
}

export function Chart({ kind, series, formatValue, stacked = false }: ChartProps) {
  const label = (value: string | number | null) =>
    typeof value === "number" ? formatValue(value) : String(value ?? "");
  if (kind === "line") {
    return <LineChart data={series} yAxisOptions={{ labelFormatter: label }} showLegend={series.length > 1} />;
  }
  return (
    <BarChart
      data={series}
      direction={kind === "horizontal" ? "horizontal" : "vertical"}
      type={stacked ? "stacked" : "default"}
      yAxisOptions={{ labelFormatter: label }}
      showLegend={series.length > 1}
    />
  );
}

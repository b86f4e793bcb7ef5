/**
 * A chart in a card with its summary in words and its data as a table on demand (the accessible
 * form of the chart; the drawing itself is hidden from screen readers).
 */
import { Button, DataTable, Text } from "@shopify/polaris";
import { useId, useState, type ReactNode } from "react";
import { useI18n } from "../../i18n";
import { tableRows, type ChartSeries } from "./series";
import { TitledCard } from "./TitledCard";

export interface ChartCardProps {
  title: string;
  summary: string;
  series: ChartSeries[];
  /** The heading of the key column (e.g. "Period"). */
  keyHeading: string;
  /** A value in the table, e.g. "12.5 min" or "$10.50". */
  formatCell: (value: number | null, seriesIndex: number) => string;
  children: ReactNode;
}

/** React 18 has no `inert` prop; set the attribute on the element. */
function makeInert(element: HTMLDivElement | null) {
  element?.setAttribute("inert", "");
}

export function ChartCard({ title, summary, series, keyHeading, formatCell, children }: ChartCardProps) {
  const { t } = useI18n();
  const [table, setTable] = useState(false);
  const tableId = useId();
  const rows = tableRows(series, formatCell);

  return (
    <TitledCard title={title}>
      <Text as="p">{summary}</Text>
      {rows.length > 0 && (
        <>
          {/* `inert` (not only aria-hidden): the chart's own focusable parts leave the tab order too. */}
          <div aria-hidden="true" ref={makeInert} style={{ height: "240px" }}>
            {children}
          </div>
          <div>
            <Button
              variant="plain"
              onClick={() => setTable((open) => !open)}
              ariaExpanded={table}
              ariaControls={tableId}
            >
              {t(table ? "reports.table.hide" : "reports.table.show")}
            </Button>
          </div>
          <div id={tableId}>
            {table && (
              <DataTable
                columnContentTypes={["text", ...series.map(() => "numeric" as const)]}
                headings={[keyHeading, ...series.map((one) => one.name)]}
                rows={rows}
              />
            )}
          </div>
        </>
      )}
    </TitledCard>
  );
}

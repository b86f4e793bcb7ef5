"""The support report (``selectors.reports.support_report``) as CSV, no ORM: one section per table, each
a line with the section's name, a header row and its rows, sections apart by an empty line (RFC 4180
lines, CRLF). An empty figure is an empty cell.

Safe to open in a spreadsheet: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return (a formula to Excel, LibreOffice or Sheets) gets a leading apostrophe, so an agent named
``=HYPERLINK(...)`` stays text. The report's own numbers never start with one of these."""
import csv
import io

from .reports import FIGURES

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# (section, header, where its rows are in the report)
SECTIONS = (
    ("report", ("from", "to", "group", "timezone", "agent_id"), lambda report: [report]),
    ("summary", FIGURES, lambda report: [report["summary"]]),
    ("by_period", ("period", *FIGURES), lambda report: report["series"]),
    ("sla_by_target", ("target", "hits", "breaches", "compliance", "warnings", "escalations"),
     lambda report: report["sla"]),
    ("by_channel", ("channel", "conversations"), lambda report: report["volume"]["by_channel"]),
    ("by_intent", ("intent", "conversations"), lambda report: report["volume"]["by_intent"]),
    ("by_hour", ("hour", "conversations"), lambda report: report["volume"]["by_hour"]),
    ("by_weekday", ("weekday", "conversations"), lambda report: report["volume"]["by_weekday"]),
    ("credits", ("currency", "count", "amount"), lambda report: report["credits"]["totals"]),
    ("credits_by_period", ("period", "currency", "count", "amount"), lambda report: report["credits"]["series"]),
    ("agents", ("agent_id", "agent", "conversations", "resolved", "first_responses",
                "first_response_median_seconds", "csat_rated", "csat_score", "csat_mean"),
     lambda report: report["agents"]),
)


def safe_cell(value) -> str:
    """The cell's text: empty for None, a leading apostrophe before anything a spreadsheet would run."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def report_csv(report: dict) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for number, (name, header, rows) in enumerate(SECTIONS):
        if number:
            writer.writerow([])
        writer.writerow([name])
        writer.writerow(header)
        writer.writerows([safe_cell(row.get(column)) for column in header] for row in rows(report))
    return buffer.getvalue()


def csv_filename(report: dict) -> str:
    """``support-report-2026-03-01-2026-04-01.csv`` (dates only: nothing to escape in the header)."""
    return f"support-report-{report['from']}-{report['to']}.csv"

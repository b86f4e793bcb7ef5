"""The report's period (strict days, defaults, limits), its buckets, the figures' rounding, and the CSV
export (sections, header lines, formula escaping)."""
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support.rules.report_csv import csv_filename, report_csv, safe_cell
from support.rules.reports import (
    FIGURES,
    Period,
    ReportRefused,
    mean,
    parse_day,
    ratio,
    report_period,
    seconds,
    truncate,
)

TODAY = date(2026, 3, 15)


def refusal(**query) -> str:
    with pytest.raises(ReportRefused) as refused:
        report_period(today=TODAY, **{"first": None, "end": None, "group": None, **query})
    return refused.value.reason


@pytest.mark.parametrize("text", ["2026-3-01", "2026-03-1", "20260301", "2026/03/01", "2026-02-30", "1999-12-31",
                                  "2026-03-01T00:00", "", " 2026-03-1", "x"])
def test_a_day_is_exactly_yyyy_mm_dd(text):
    with pytest.raises(ReportRefused) as refused:
        parse_day(text)
    assert refused.value.reason == "bad_date"


def test_a_good_day():
    assert parse_day("2026-02-28") == date(2026, 2, 28)


def test_the_default_is_the_last_thirty_days_including_today():
    assert report_period(first=None, end=None, group=None, today=TODAY) == Period(date(2026, 2, 14),
                                                                                  date(2026, 3, 16), "day")
    assert report_period(first=None, end="2026-03-01", group="week", today=TODAY) == Period(
        date(2026, 1, 30), date(2026, 3, 1), "week")


def test_refusals_have_reasons():
    assert refusal(first="2026-13-01") == "bad_date"
    assert refusal(end="tomorrow") == "bad_date"
    assert refusal(group="year") == "bad_group"
    assert refusal(first="2026-03-01", end="2026-03-01") == "bad_range"
    assert refusal(first="2026-03-02", end="2026-03-01") == "bad_range"
    assert refusal(first="2025-01-01", end="2026-02-06") == "range_too_long"  # 401 days
    assert refusal(first="2026-03-20") == "bad_range"  # after the default end (tomorrow)


def test_four_hundred_days_is_the_longest_period():
    longest = report_period(first="2025-01-01", end="2026-02-05", group="month", today=TODAY)
    assert (longest.end - longest.first).days == 400


def test_buckets_start_on_the_period_or_the_boundary_before_it():
    assert Period(date(2026, 2, 27), date(2026, 3, 2), "day").buckets() == [
        date(2026, 2, 27), date(2026, 2, 28), date(2026, 3, 1)]
    assert Period(date(2026, 3, 4), date(2026, 3, 17), "week").buckets() == [  # Wednesday to a Tuesday
        date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)]
    assert Period(date(2025, 11, 15), date(2026, 2, 1), "month").buckets() == [
        date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1)]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2999, 1, 1)), st.integers(1, 400),
       st.sampled_from(["day", "week", "month"]))
def test_every_day_of_a_period_falls_in_exactly_one_listed_bucket(first, days, group):
    period = Period(first, date.fromordinal(first.toordinal() + days), group)
    buckets = period.buckets()
    assert buckets == sorted(set(buckets))
    assert buckets[0] <= first
    for ordinal in range(first.toordinal(), period.end.toordinal(), max(1, days // 7)):
        assert truncate(date.fromordinal(ordinal), group) in buckets


def test_figures_are_rounded_and_empty_without_a_denominator():
    assert (ratio(2, 3), ratio(1, 8), ratio(0, 5), ratio(0, 0)) == (0.6667, 0.125, 0.0, None)
    assert (seconds(None), seconds(449.96), seconds(12)) == (None, 450.0, 12.0)
    assert (mean(None), mean("3.665"), mean("4.3333333")) == (None, 3.67, 4.33)


@pytest.mark.parametrize(("value", "cell"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Ann", "Ann"), ("a=b", "a=b"), (None, ""), (0, "0"), (0.75, "0.75"),
])
def test_a_cell_a_spreadsheet_would_run_is_quoted(value, cell):
    assert safe_cell(value) == cell


def _report(**changes) -> dict:
    figures = dict.fromkeys(FIGURES, 0)
    report = {
        "from": "2026-03-02", "to": "2026-03-04", "group": "day", "timezone": "Asia/Tokyo", "agent_id": None,
        "summary": figures, "series": [{"period": "2026-03-02", **figures}],
        "sla": [{"target": "first_response", "hits": 1, "breaches": 1, "compliance": 0.5, "warnings": 0,
                 "escalations": 0}],
        "volume": {"by_channel": [{"channel": "chat", "conversations": 1}], "by_intent": [],
                   "by_hour": [{"hour": 0, "conversations": 1}],
                   "by_weekday": [{"weekday": "mon", "conversations": 1}]},
        "credits": {"totals": [], "series": []},
        "agents": [{"agent_id": "7", "agent": "=cmd|' /C calc'!A0", "conversations": 1, "resolved": 0,
                    "first_responses": 0, "first_response_median_seconds": None, "csat_rated": 0,
                    "csat_score": None, "csat_mean": None}],
    }
    return {**report, **changes}


def test_the_csv_has_one_section_per_table():
    text = report_csv(_report())
    sections = text.split("\r\n\r\n")

    assert [section.split("\r\n")[0] for section in sections] == [
        "report", "summary", "by_period", "sla_by_target", "by_channel", "by_intent", "by_hour", "by_weekday",
        "credits", "credits_by_period", "agents"]
    assert sections[0] == "report\r\nfrom,to,group,timezone,agent_id\r\n2026-03-02,2026-03-04,day,Asia/Tokyo,"
    assert sections[3] == ("sla_by_target\r\ntarget,hits,breaches,compliance,warnings,escalations\r\n"
                           "first_response,1,1,0.5,0,0")
    assert sections[5] == "by_intent\r\nintent,conversations"  # a table without rows keeps its header
    assert sections[10] == ("agents\r\nagent_id,agent,conversations,resolved,first_responses,"
                            "first_response_median_seconds,csat_rated,csat_score,csat_mean\r\n"
                            "7,'=cmd|' /C calc'!A0,1,0,0,,0,,\r\n")


def test_the_file_is_named_by_the_period():
    assert csv_filename(_report()) == "support-report-2026-03-02-2026-03-04.csv"

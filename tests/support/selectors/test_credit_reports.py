"""The report's months: parsed strictly, twelve by default ending with the shop's current month."""
from datetime import UTC, date, datetime

import pytest

from support.selectors.credit_reports import Months, ReportRefused, parse_month, report_months
from tests.factories import ShopFactory

pytestmark = pytest.mark.django_db


def test_the_default_is_the_twelve_months_up_to_the_shops_current_one():
    tokyo = ShopFactory(timezone="Asia/Tokyo")
    new_year_in_tokyo = datetime(2026, 12, 31, 16, 0, tzinfo=UTC)  # 1 January 2027, 01:00 in Tokyo

    assert report_months(tokyo, first=None, last=None, now=new_year_in_tokyo) == Months(date(2026, 2, 1),
                                                                                        date(2027, 1, 1))
    assert report_months(tokyo, first=None, last="2026-12", now=new_year_in_tokyo) == Months(date(2026, 1, 1),
                                                                                             date(2026, 12, 1))
    assert report_months(tokyo, first="2026-12", last=None, now=new_year_in_tokyo) == Months(date(2026, 12, 1),
                                                                                             date(2027, 1, 1))


@pytest.mark.parametrize("text", ["2026-00", "2026-13", "2026-1", "202603", "1999-12", "2026-03-01", "", "x-y"])
def test_a_month_is_exactly_yyyy_mm(text):
    with pytest.raises(ReportRefused) as refused:
        parse_month(text)
    assert refused.value.reason == "bad_month"


def test_a_good_month_is_its_first_day():
    assert parse_month("2026-03") == date(2026, 3, 1)

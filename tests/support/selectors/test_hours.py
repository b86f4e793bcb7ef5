"""The schedule the auto-replies go by: the shop's own, always open when it has none or when the
stored hours no longer parse."""
from datetime import date, time

import pytest

from support.rules.hours import ALWAYS_OPEN, Schedule
from support.selectors.hours import business_hours, schedule_for
from tests.factories import BusinessHoursFactory, ShopFactory

pytestmark = pytest.mark.django_db


def test_a_shop_without_hours_is_always_open():
    shop = ShopFactory()
    BusinessHoursFactory(shop=ShopFactory())  # another shop's hours

    assert business_hours(shop) is None
    assert schedule_for(shop) is ALWAYS_OPEN


def test_the_shops_own_hours_by_shop_or_id():
    row = BusinessHoursFactory(weekly={"mon": [["09:00", "17:00"]]}, closed_dates=["2026-12-24"])
    BusinessHoursFactory(shop=ShopFactory(), timezone="Asia/Tokyo")

    expected = Schedule(timezone="Europe/Berlin", weekly={0: ((time(9, 0), time(17, 0)),)},
                        holiday_countries=("DE",), closed_dates=frozenset({date(2026, 12, 24)}))
    assert schedule_for(row.shop) == expected
    assert schedule_for(row.shop_id) == expected
    assert business_hours(row.shop_id) == row


def test_stored_hours_that_no_longer_parse_count_as_always_open_and_are_logged(caplog):
    row = BusinessHoursFactory(holiday_countries=["XX"])

    assert schedule_for(row.shop) is ALWAYS_OPEN
    [record] = [record for record in caplog.records if record.msg == "hours.schedule.unreadable"]
    assert (record.shop_id, record.reason) == (row.shop_id, "unknown_country")

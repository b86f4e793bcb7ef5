"""Quiet hours across time zones: the shopper's zone (browser, then address, then the shop's) and the
morning they wait for, across daylight-saving changes."""
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest
from babel.core import get_global
from hypothesis import given
from hypothesis import strategies as st

from support.rules.quiet_hours import quiet_until, shopper_zone
from support.rules.zones import MAIN_ZONES, PROVINCE_ZONES, zone_for_address

TOKYO, LOS_ANGELES, SAO_PAULO, BERLIN = (ZoneInfo(name) for name in (
    "Asia/Tokyo", "America/Los_Angeles", "America/Sao_Paulo", "Europe/Berlin"))


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def zone(browser=None, country="", province="", fallback="America/New_York") -> str:
    return shopper_zone(browser_zone=browser, country_code=country, province_code=province, fallback=fallback)


# --- the shopper's zone ------------------------------------------------------------------------------

def test_a_country_with_one_zone_gives_that_zone():
    assert zone(country="JP") == "Asia/Tokyo"
    assert zone(country="fr", province="") == "Europe/Paris"


@pytest.mark.parametrize(("province", "expected"), [
    ("CA", "America/Los_Angeles"), ("US-CA", "America/Los_Angeles"), ("ny", "America/New_York"),
    ("TX", "America/Chicago"), ("AZ", "America/Phoenix"), ("HI", "Pacific/Honolulu"),
])
def test_us_states(province, expected):
    assert zone(country="US", province=province) == expected


@pytest.mark.parametrize(("country", "province", "expected"), [
    ("CA", "BC", "America/Vancouver"), ("CA", "ON", "America/Toronto"), ("CA", "NL", "America/St_Johns"),
    ("AU", "NSW", "Australia/Sydney"), ("AU", "WA", "Australia/Perth"), ("AU", "QLD", "Australia/Brisbane"),
    ("BR", "SP", "America/Sao_Paulo"), ("BR", "AM", "America/Manaus"), ("BR", "BR-AC", "America/Rio_Branco"),
    ("MX", "Q ROO", "America/Cancun"), ("MX", "MX-BCN", "America/Tijuana"), ("MX", "JAL", "America/Mexico_City"),
    ("ES", "TF", "Atlantic/Canary"), ("ES", "M", "Europe/Madrid"), ("PT", "PT-20", "Atlantic/Azores"),
])
def test_multi_zone_countries_by_province(country, province, expected):
    assert zone(country=country, province=province) == expected


def test_brazil_and_mexico_without_a_state_use_their_main_zone():
    assert zone(country="BR") == "America/Sao_Paulo"
    assert zone(country="MX") == "America/Mexico_City"


@pytest.mark.parametrize(("country", "province"), [("US", ""), ("US", "AE"), ("CA", "XX"), ("AU", ""), ("RU", "MOW"),
                                                   ("", ""), ("ZZ", ""), ("QQ", "")])
def test_an_address_that_does_not_tell_falls_back_to_the_shop_zone(country, province):
    assert zone_for_address(country, province) is None
    assert zone(country=country, province=province, fallback="Europe/Dublin") == "Europe/Dublin"


def test_without_a_usable_shop_zone_it_is_utc():
    assert zone(fallback="") == "UTC"
    assert zone(fallback="Not/AZone") == "UTC"


def test_the_browser_zone_beats_the_address():
    assert zone(browser="Asia/Tokyo", country="US", province="CA") == "Asia/Tokyo"


@pytest.mark.parametrize("browser", ["", None, "Mars/Olympus_Mons", "UTC", "Etc/UTC", "GMT", "../../etc/passwd"])
def test_an_unknown_or_uninformative_browser_zone_is_ignored(browser):
    assert zone(browser=browser, country="US", province="CA") == "America/Los_Angeles"


def test_every_zone_in_the_tables_exists():
    known = available_timezones()
    tabled = {z for provinces in PROVINCE_ZONES.values() for z in provinces.values()} | set(MAIN_ZONES.values())
    assert tabled - known == set()
    single = {zones[0] for zones in get_global("territory_zones").values() if len(zones) == 1}
    assert single - known == set()


# --- the quiet hours --------------------------------------------------------------------------------

def test_tokyo_evening_waits_for_the_tokyo_morning():
    now = utc(2026, 5, 10, 13, 0)  # 22:00 in Tokyo
    assert quiet_until(now, zone(country="JP")) == datetime(2026, 5, 11, 9, 0, tzinfo=TOKYO) == utc(2026, 5, 11, 0, 0)


def test_tokyo_daytime_is_not_quiet():
    assert quiet_until(utc(2026, 5, 11, 1, 0), "Asia/Tokyo") is None  # 10:00 in Tokyo


def test_los_angeles_via_us_ca():
    now = utc(2026, 7, 1, 5, 0)  # 22:00 PDT on June 30
    until = quiet_until(now, zone(country="US", province="CA"))
    assert until == datetime(2026, 6, 30, 9, 0, tzinfo=LOS_ANGELES) + timedelta(days=1) == utc(2026, 7, 1, 16, 0)


def test_sao_paulo_via_br_early_morning_waits_until_nine_the_same_day():
    now = utc(2026, 3, 10, 10, 0)  # 07:00 in São Paulo
    assert quiet_until(now, zone(country="BR", province="SP")) == datetime(2026, 3, 10, 9, 0, tzinfo=SAO_PAULO)
    assert quiet_until(utc(2026, 3, 10, 12, 0), "America/Sao_Paulo") is None  # 09:00 there


@pytest.mark.parametrize(("local", "expected"), [
    (datetime(2026, 6, 3, 20, 59, 59), None),
    (datetime(2026, 6, 3, 21, 0), datetime(2026, 6, 4, 9, 0)),
    (datetime(2026, 6, 3, 23, 59), datetime(2026, 6, 4, 9, 0)),
    (datetime(2026, 6, 4, 0, 0), datetime(2026, 6, 4, 9, 0)),
    (datetime(2026, 6, 4, 8, 59, 59), datetime(2026, 6, 4, 9, 0)),
    (datetime(2026, 6, 4, 9, 0), None),
    (datetime(2026, 6, 4, 14, 0), None),
])
def test_berlin_edges(local, expected):
    until = quiet_until(local.replace(tzinfo=BERLIN).astimezone(UTC), zone(country="DE"))
    assert until == (expected.replace(tzinfo=BERLIN) if expected else None)


def test_the_spring_forward_night_is_eleven_hours():
    now = datetime(2026, 3, 28, 21, 0, tzinfo=BERLIN)  # the clocks go 02:00 -> 03:00 that night
    until = quiet_until(now, "Europe/Berlin")
    assert until == utc(2026, 3, 29, 7, 0)  # 09:00 CEST
    assert until.astimezone(UTC) - now.astimezone(UTC) == timedelta(hours=11)  # same-zone subtraction is wall time


def test_the_fall_back_night_is_thirteen_hours():
    now = datetime(2026, 10, 24, 21, 0, tzinfo=BERLIN)  # the clocks go 03:00 -> 02:00 that night
    until = quiet_until(now, "Europe/Berlin")
    assert until == utc(2026, 10, 25, 8, 0)  # 09:00 CET
    assert until.astimezone(UTC) - now.astimezone(UTC) == timedelta(hours=13)


def test_during_the_repeated_hour_the_morning_is_still_nine():
    second_two_thirty = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=1)
    assert quiet_until(second_two_thirty, "Europe/Berlin") == utc(2026, 10, 25, 8, 0)


def test_an_end_inside_a_skipped_hour_moves_forward_by_the_gap():
    now = datetime(2026, 3, 29, 1, 0, tzinfo=BERLIN)
    assert quiet_until(now, "Europe/Berlin", start=time(22), end=time(2, 30)) == utc(2026, 3, 29, 1, 30)  # 03:30 CEST


def test_a_window_that_does_not_span_midnight():
    lunch = {"start": time(13), "end": time(14)}
    assert quiet_until(datetime(2026, 6, 3, 13, 30, tzinfo=BERLIN), "Europe/Berlin", **lunch) \
        == datetime(2026, 6, 3, 14, 0, tzinfo=BERLIN)
    assert quiet_until(datetime(2026, 6, 3, 14, 0, tzinfo=BERLIN), "Europe/Berlin", **lunch) is None
    assert quiet_until(datetime(2026, 6, 3, 12, 59, tzinfo=BERLIN), "Europe/Berlin", **lunch) is None


def test_a_naive_now_is_refused():
    with pytest.raises(ValueError, match="aware"):
        quiet_until(datetime(2026, 6, 3, 22, 0), "Europe/Berlin")


ZONES = ["Asia/Tokyo", "America/Los_Angeles", "America/Sao_Paulo", "Europe/Berlin", "Australia/Lord_Howe",
         "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham", "Pacific/Apia", "UTC"]


@given(now=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2037, 12, 31), timezones=st.just(UTC)),
       name=st.sampled_from(ZONES))
def test_the_morning_is_the_first_moment_that_is_not_quiet(now, name):
    until = quiet_until(now, name)
    local = now.astimezone(ZoneInfo(name)).time()
    assert (until is None) == (time(9) <= local < time(21))
    if until is not None:
        assert now < until <= now + timedelta(hours=13)
        assert until.astimezone(ZoneInfo(name)).time() == time(9)
        assert quiet_until(until, name) is None
        assert quiet_until(until - timedelta(microseconds=1), name) == until

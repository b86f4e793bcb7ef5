"""Delivery windows: business days across weekends and a country's holidays, learned statistics,
the carrier's estimate first, defaults, the late flag, and the wording in every language."""
from datetime import date

import pytest

from support.rules import eta
from support.rules.eta import Window

# Germany around Christmas 2026 (worked by hand from a calendar):
#   Wed 23 shipped | Thu 24 business day 1 | Fri 25 Christmas Day, Sat 26 Second Day of Christmas, Sun 27
#   Mon 28 = 2 | Tue 29 = 3 | Wed 30 = 4 | Thu 31 = 5 | Fri 1 Jan New Year's Day, Sat 2, Sun 3
#   Mon 4 Jan = 6 | Tue 5 = 7 | Wed 6 = 8 (Epiphany is a holiday in three states only, not nationally)
SHIPPED = date(2026, 12, 23)


def test_hand_computed_window_across_christmas_a_weekend_and_new_year_in_germany():
    window = eta.eta_window(shipped_at=SHIPPED, carrier_estimate=None, stats=(3, 6), country="DE", today=SHIPPED)

    assert window == Window(date(2026, 12, 29), date(2027, 1, 4), "history")
    assert eta.format_window(window, "en") == "Tue 29 Dec – Mon 4 Jan"


def test_business_days_skip_the_destinations_holidays_and_weekends():
    assert eta.business_days_between(SHIPPED, date(2027, 1, 4), "DE") == 6
    assert eta.business_days_between(SHIPPED, date(2027, 1, 4), "ZZ") == 8  # unknown country: weekends only
    assert eta.add_business_days(SHIPPED, 2, "DE") == date(2026, 12, 28)
    assert eta.add_business_days(SHIPPED, 0, "DE") == SHIPPED
    assert eta.business_days_between(date(2027, 1, 4), SHIPPED, "DE") == 0
    assert [eta.is_business_day(date(2026, 12, day), "DE") for day in (24, 25, 26, 27, 28)] == [
        True, False, False, False, True]


def test_a_countrys_own_weekend_is_used():
    friday, saturday, sunday = date(2026, 12, 4), date(2026, 12, 5), date(2026, 12, 6)

    assert [eta.is_business_day(day, "AE") for day in (friday, saturday, sunday)] == [True, False, False]
    assert [eta.is_business_day(day, "IL") for day in (friday, saturday, sunday)] == [False, False, True]


def test_transit_stats_are_the_median_and_90th_percentile_rounded_outwards():
    # sorted: 2 3 3 4 4 5 5 6 7 9 -> p50 = (4 + 5) / 2 = 4.5 -> 4; p90 at rank 8.1 = 7 + 0.1 * 2 = 7.2 -> 8
    assert eta.transit_stats([5, 3, 9, 4, 2, 6, 3, 7, 5, 4]) == (4, 8)
    assert eta.transit_stats([3, 3, 3, 3, 3]) == (3, 3)


def test_transit_stats_need_enough_plausible_samples():
    assert eta.transit_stats([]) is None
    assert eta.transit_stats([2, 3, 4, 5]) is None
    assert eta.transit_stats([2, 3, 4, 5, 61, -1]) is None  # a lost parcel and a clock error are not samples
    # p90 at rank 3.6 = 5 + 0.6 * 55 = 38 (exactly, despite floating point)
    assert eta.transit_stats([2, 3, 4, 5, 60]) == (4, 38)


def test_learned_stats_give_the_hand_computed_window():
    stats = eta.transit_stats([3, 3, 3, 3, 3, 4, 6, 6, 6, 6])  # p50 (3 + 4) / 2 -> 3, p90 6

    assert stats == (3, 6)
    assert eta.eta_window(shipped_at=SHIPPED, carrier_estimate=None, stats=stats, country="DE",
                          today=SHIPPED) == Window(date(2026, 12, 29), date(2027, 1, 4), "history")


def test_the_carriers_estimate_wins_over_history_and_defaults():
    window = eta.eta_window(shipped_at=SHIPPED, carrier_estimate=date(2026, 12, 30), stats=(3, 6), country="DE",
                            today=SHIPPED, origin="DE")

    assert window == Window(date(2026, 12, 30), date(2026, 12, 30), "carrier")
    assert eta.format_window(window, "en") == "Wed 30 Dec"


def test_defaults_before_there_is_history_domestic_and_international():
    domestic = eta.eta_window(shipped_at=SHIPPED, carrier_estimate=None, stats=None, country="DE", today=SHIPPED,
                              origin="DE")
    international = eta.eta_window(shipped_at=SHIPPED, carrier_estimate=None, stats=None, country="DE",
                                   today=SHIPPED, origin="US")
    unknown_origin = eta.eta_window(shipped_at=SHIPPED, carrier_estimate=None, stats=None, country="de",
                                    today=SHIPPED)

    assert (eta.DOMESTIC_DAYS, eta.INTERNATIONAL_DAYS) == ((2, 5), (5, 12))
    assert domestic == Window(date(2026, 12, 28), date(2026, 12, 31), "default")
    # 5 -> Thu 31 Dec; 12 -> Jan: Mon 4 = 6, 5, 6, 7, 8, Mon 11 = 11, Tue 12 = 12
    assert international == Window(date(2026, 12, 31), date(2027, 1, 12), "default")
    assert unknown_origin == international


def test_a_window_under_way_starts_at_the_next_business_day_from_today():
    on_sunday = eta.eta_window(shipped_at=SHIPPED, carrier_estimate=None, stats=(3, 6), country="DE",
                               today=date(2027, 1, 3))
    after = eta.eta_window(shipped_at=SHIPPED, carrier_estimate=None, stats=(3, 6), country="DE",
                           today=date(2027, 1, 5))

    assert on_sunday == Window(date(2027, 1, 4), date(2027, 1, 4), "history")
    assert after == Window(date(2026, 12, 29), date(2027, 1, 4), "history")  # past: kept, and late


def test_late_only_after_the_windows_last_day():
    window = Window(date(2026, 12, 29), date(2027, 1, 4), "history")

    assert eta.is_late(window, date(2027, 1, 4)) is False
    assert eta.is_late(window, date(2027, 1, 5)) is True


def test_expected_ship_window_counts_handling_days_in_the_shops_country():
    friday = date(2026, 12, 4)

    assert eta.HANDLING_DAYS == (1, 3)
    assert eta.expected_ship_window(friday, origin="DE", today=friday) == Window(
        date(2026, 12, 7), date(2026, 12, 9), "default")
    assert eta.expected_ship_window(SHIPPED, (2, 2), origin="DE", today=SHIPPED) == Window(
        date(2026, 12, 28), date(2026, 12, 28), "default")


def test_origin_country_from_the_shops_time_zone():
    assert [eta.origin_country(zone) for zone in ("Europe/Berlin", "America/New_York", "Nowhere/City", "")] == [
        "DE", "US", "", ""]


WINDOWS = {
    "same_month": Window(date(2026, 12, 1), date(2026, 12, 3), "history"),
    "other_month": Window(date(2026, 11, 30), date(2026, 12, 2), "history"),
    "same_day": Window(date(2026, 12, 3), date(2026, 12, 3), "carrier"),
}


@pytest.mark.parametrize(("language", "same_month", "other_month", "same_day"), [
    ("en", "Tue 1 – Thu 3 Dec", "Mon 30 Nov – Wed 2 Dec", "Thu 3 Dec"),
    ("es", "mar 1 – jue 3 dic", "lun 30 nov – mié 2 dic", "jue 3 dic"),
    ("fr", "mar. 1 – jeu. 3 déc.", "lun. 30 nov. – mer. 2 déc.", "jeu. 3 déc."),
    ("de", "Di., 1. – Do., 3. Dez.", "Mo., 30. Nov. – Mi., 2. Dez.", "Do., 3. Dez."),
    ("pt", "ter., 1 – qui., 3 de dez.", "seg., 30 de nov. – qua., 2 de dez.", "qui., 3 de dez."),
    ("it", "mar 1 – gio 3 dic", "lun 30 nov – mer 2 dic", "gio 3 dic"),
    ("nl", "di 1 – do 3 dec", "ma 30 nov – wo 2 dec", "do 3 dec"),
    ("zh", "12月1日周二至3日周四", "11月30日周一至12月2日周三", "12月3日周四"),
])
def test_format_window_in_every_language(language, same_month, other_month, same_day):
    assert [eta.format_window(WINDOWS[kind], language) for kind in ("same_month", "other_month", "same_day")] == [
        same_month, other_month, same_day]


def test_format_uses_the_base_language_and_falls_back_to_english():
    assert eta.format_window(WINDOWS["same_month"], "pt-BR") == "ter., 1 – qui., 3 de dez."
    assert eta.format_window(WINDOWS["same_month"], "ja") == "Tue 1 – Thu 3 Dec"
    assert eta.format_day(date(2027, 1, 4), "de") == "Mo., 4. Jan."

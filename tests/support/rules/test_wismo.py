"""The "where is my order" answer over plain views: every shipping state, partial and multi-parcel
orders, cancelled and refunded ones, the structured form, and never a blank (hypothesis)."""
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support.rules import eta, texts, wismo
from support.rules.wismo import EventView, OrderView, ParcelView

TODAY = date(2026, 12, 2)  # a Wednesday
ORDER = OrderView(name="#1001", created_on=date(2026, 12, 1), item_count=2, country="DE", origin="DE",
                  fulfillment_status="fulfilled", financial_status="paid")
PARCEL = ParcelView(shipment_status="in_transit", carrier="DHL", tracking_number="JD014600003",
                    tracking_url="https://track.example/JD014600003", shipped_on=date(2026, 12, 1), transit=(2, 4),
                    item_count=2)
DETAILS = ["Carrier: DHL", "Tracking number: JD014600003", "Track it: https://track.example/JD014600003"]


def answer(view=ORDER, *parcels, language="en", today=TODAY, **kwargs):
    return wismo.answer(replace(view, parcels=parcels) if parcels else view, language=language, today=today,
                        **kwargs)


def test_in_transit_single_parcel_in_full():
    result = answer(ORDER, PARCEL)

    # shipped Tue 1 Dec, 2 to 4 business days: Thu 3 – Mon 7 Dec
    assert result.text.split("\n") == ["Order #1001 has shipped.", "", "The parcel is on its way.", *DETAILS,
                                       "Expected delivery: Thu 3 – Mon 7 Dec"]
    assert (result.state, result.late) == ("in_transit", False)
    assert result.data["parcels"] == [{
        "state": "in_transit", "status": "On its way", "carrier": "DHL", "tracking_number": "JD014600003",
        "tracking_url": "https://track.example/JD014600003", "items": 2, "shipped_on": "2026-12-01",
        "delivered_on": None, "late": False,
        "window": {"earliest": "2026-12-03", "latest": "2026-12-07", "source": "history",
                   "text": "Thu 3 – Mon 7 Dec"},
    }]
    assert {key: result.data[key] for key in ("name", "state", "status", "late", "language", "text")} == {
        "name": "#1001", "state": "in_transit", "status": "On its way", "late": False, "language": "en",
        "text": result.text}


def test_in_transit_in_german():
    assert answer(ORDER, PARCEL, language="de-AT").text.split("\n") == [
        "Bestellung #1001 wurde versandt.", "", "Das Paket ist unterwegs.", "Versanddienstleister: DHL",
        "Sendungsnummer: JD014600003", "Sendungsverfolgung: https://track.example/JD014600003",
        "Voraussichtliche Zustellung: Do., 3. – Mo., 7. Dez."]


@pytest.mark.parametrize(("shipment_status", "state", "sentence", "status", "windowed"), [
    ("", "shipped", "The parcel has been handed over for delivery.", "Shipped", True),
    ("fulfilled", "shipped", "The parcel has been handed over for delivery.", "Shipped", True),
    ("label_printed", "label_printed",
     "The parcel is packed and labelled; tracking updates start once the carrier collects it.", "Label created", True),
    ("label_purchased", "label_printed",
     "The parcel is packed and labelled; tracking updates start once the carrier collects it.", "Label created", True),
    ("confirmed", "confirmed",
     "The parcel is registered with the carrier; tracking updates start once they collect it.",
     "Registered with the carrier", True),
    ("in_transit", "in_transit", "The parcel is on its way.", "On its way", True),
    ("carrier_picked_up", "in_transit", "The parcel is on its way.", "On its way", True),
    ("delayed", "delayed", "The parcel is on its way, but the carrier reports a delay.", "Delayed", True),
    ("out_for_delivery", "out_for_delivery", "The parcel is out for delivery and should arrive today.",
     "Out for delivery", False),
    ("attempted_delivery", "attempted_delivery",
     "The parcel could not be delivered on the first attempt. The carrier usually tries again or leaves a notice "
     "saying where to collect it.", "Delivery attempted", False),
    ("ready_for_pickup", "ready_for_pickup",
     "The parcel is ready to collect at the pickup point; take the tracking number and an ID with you.",
     "Ready for pickup", False),
    ("delivered", "delivered",
     "The parcel has been delivered. If you cannot find it, please check with neighbours or reception, then tell "
     "us here.", "Delivered", False),
    ("picked_up", "delivered",
     "The parcel has been delivered. If you cannot find it, please check with neighbours or reception, then tell "
     "us here.", "Delivered", False),
    ("failure", "failure",
     "The parcel could not be delivered. Our team will check with the carrier and get back to you.",
     "Delivery failed", False),
    ("not_delivered", "not_delivered",
     "The parcel was not delivered. Our team will check with the carrier and get back to you.", "Not delivered",
     False),
    ("exception", "not_delivered",
     "The parcel was not delivered. Our team will check with the carrier and get back to you.", "Not delivered",
     False),
])
def test_every_shipping_state(shipment_status, state, sentence, status, windowed):
    result = answer(ORDER, replace(PARCEL, shipment_status=shipment_status))

    window = ["Expected delivery: Thu 3 – Mon 7 Dec"] if windowed else []
    assert result.text.split("\n") == ["Order #1001 has shipped.", "", sentence, *DETAILS, *window]
    assert (result.state, result.data["status"], result.data["parcels"][0]["status"]) == (state, status, status)
    assert (result.data["parcels"][0]["window"] is not None) is windowed


def test_delivered_says_the_day():
    result = answer(ORDER, replace(PARCEL, shipment_status="delivered", delivered_on=date(2026, 12, 4)))

    assert result.text.split("\n")[2] == ("The parcel was delivered on Fri 4 Dec. If you cannot find it, please "
                                          "check with neighbours or reception, then tell us here.")
    assert result.data["parcels"][0]["delivered_on"] == "2026-12-04"


def test_scans_tell_the_state_when_shopify_status_says_nothing():
    events = (EventView("label_printed", date(2026, 12, 1)), EventView("in_transit", date(2026, 12, 2)),
              EventView("out_for_delivery", date(2026, 12, 3)))

    assert answer(ORDER, replace(PARCEL, shipment_status="", events=events)).state == "out_for_delivery"


def test_a_delivered_scan_wins_over_a_stale_status():
    events = (EventView("in_transit", date(2026, 12, 2)), EventView("delivered", date(2026, 12, 3)))
    result = answer(ORDER, replace(PARCEL, shipment_status="in_transit", events=events))

    assert (result.state, result.data["parcels"][0]["delivered_on"]) == ("delivered", "2026-12-03")


def test_the_carriers_latest_estimate_is_the_window():
    events = (EventView("in_transit", date(2026, 12, 1), estimate=date(2026, 12, 3)),
              EventView("delayed", date(2026, 12, 2), estimate=date(2026, 12, 8)), EventView("delayed"))
    result = answer(ORDER, replace(PARCEL, shipment_status="delayed", events=events))

    assert result.text.split("\n")[-1] == "Expected delivery: Tue 8 Dec"
    assert result.data["parcels"][0]["window"]["source"] == "carrier"


def test_a_parcel_past_its_window_is_late():
    result = answer(ORDER, PARCEL, today=date(2026, 12, 8))

    assert result.text.split("\n")[-1] == ("It was expected by Mon 7 Dec and is running late. Our team will look "
                                           "into it.")
    assert (result.late, result.data["late"], result.data["parcels"][0]["late"]) == (True, True, True)


def test_unfulfilled_gets_the_expected_ship_window():
    result = answer(replace(ORDER, fulfillment_status="unfulfilled"))

    # ordered Tue 1 Dec, 1 to 3 business days of handling: Wed 2 – Fri 4 Dec
    assert result.text.split("\n") == [
        "Order #1001 has not shipped yet; we will share the tracking details as soon as it does.",
        "Expected to ship: Wed 2 – Fri 4 Dec"]
    assert (result.state, result.late, result.data["status"]) == ("unfulfilled", False, "Not shipped yet")
    assert result.data["ship_window"] == {"earliest": "2026-12-02", "latest": "2026-12-04", "source": "default",
                                          "text": "Wed 2 – Fri 4 Dec"}


def test_unfulfilled_past_its_ship_window_is_late():
    result = answer(replace(ORDER, fulfillment_status="unfulfilled"), today=date(2026, 12, 7))

    assert result.text == ("Order #1001 has not shipped yet and is taking longer than expected. Our team will look "
                           "into it and update you.")
    assert (result.state, result.late) == ("unfulfilled", True)


def test_partially_fulfilled_with_counts_and_the_rest():
    view = replace(ORDER, fulfillment_status="partial", item_count=3)
    result = answer(view, replace(PARCEL, item_count=1))

    assert result.text.split("\n") == [
        "Order #1001 has partly shipped (1 of 3 items); the rest will follow separately.",
        "Remaining items expected to ship: Wed 2 – Fri 4 Dec", "", "The parcel is on its way.", *DETAILS,
        "Expected delivery: Thu 3 – Mon 7 Dec"]
    assert (result.state, result.data["items_total"], result.data["items_shipped"]) == ("partial", 3, 1)


def test_partial_by_counts_alone_and_without_counts():
    counted = answer(replace(ORDER, fulfillment_status="", item_count=3), replace(PARCEL, item_count=2))
    uncounted = answer(replace(ORDER, fulfillment_status="partial"), replace(PARCEL, item_count=None))

    assert counted.state == "partial"
    assert counted.text.split("\n")[0] == "Order #1001 has partly shipped (2 of 3 items); the rest will follow " \
                                          "separately."
    assert uncounted.text.split("\n")[0] == "Order #1001 has partly shipped; the rest will follow separately."


def test_partial_rest_past_its_ship_window_is_late():
    result = answer(replace(ORDER, fulfillment_status="partial"), PARCEL, today=date(2026, 12, 7))

    assert result.text.split("\n")[1] == ("The remaining items are taking longer than expected to ship. Our team "
                                          "will look into it and update you.")
    assert result.late is True


def test_multi_parcel_order_in_full():
    delivered = replace(PARCEL, shipment_status="delivered", delivered_on=date(2026, 12, 3), item_count=1)
    second = ParcelView(shipment_status="attempted_delivery", carrier="UPS", tracking_number="1Z999",
                        shipped_on=date(2026, 12, 1), item_count=1)
    result = answer(ORDER, delivered, second, today=date(2026, 12, 4))

    assert result.text.split("\n") == [
        "Order #1001 has shipped in 2 parcels.", "",
        "Parcel 1 of 2 was delivered on Thu 3 Dec. If you cannot find it, please check with neighbours or "
        "reception, then tell us here.", *DETAILS, "",
        "Parcel 2 of 2 could not be delivered on the first attempt. The carrier usually tries again or leaves a "
        "notice saying where to collect it.", "Carrier: UPS", "Tracking number: 1Z999"]
    assert result.state == "attempted_delivery"  # the parcel that needs the shopper speaks for the order
    assert [parcel["state"] for parcel in result.data["parcels"]] == ["delivered", "attempted_delivery"]


def test_all_parcels_delivered_is_delivered():
    delivered = replace(PARCEL, shipment_status="delivered")

    assert answer(ORDER, delivered, delivered).state == "delivered"


def test_a_cancelled_parcel_is_left_out():
    result = answer(ORDER, replace(PARCEL, status="cancelled"), replace(PARCEL, shipment_status="label_voided"),
                    PARCEL)

    assert result.text.split("\n")[:3] == ["Order #1001 has shipped.", "", "The parcel is on its way."]
    assert len(result.data["parcels"]) == 1


def test_fulfilled_without_parcels_in_the_mirror_and_a_parcel_without_tracking():
    no_parcels = answer(ORDER)
    untracked = answer(ORDER, replace(PARCEL, carrier="", tracking_number="", tracking_url=""))

    assert no_parcels.text.split("\n") == [
        "Order #1001 has shipped.",
        "Tracking details are not available yet; we will share them as soon as the carrier provides them."]
    assert untracked.text.split("\n") == [
        "Order #1001 has shipped.", "", "The parcel is on its way.",
        "Tracking details are not available yet; we will share them as soon as the carrier provides them.",
        "Expected delivery: Thu 3 – Mon 7 Dec"]


def test_only_web_links_reach_the_shopper():
    result = answer(ORDER, replace(PARCEL, tracking_url="javascript:alert(1)"))

    assert "javascript" not in result.text
    assert result.data["parcels"][0]["tracking_url"] == ""


def test_cancelled_orders():
    refunded = answer(replace(ORDER, cancelled_on=date(2026, 12, 2), financial_status="refunded"), PARCEL)
    unpaid = answer(replace(ORDER, cancelled_on=date(2026, 12, 2), financial_status="voided"))

    assert refunded.text.split("\n") == [
        "Order #1001 was cancelled on Wed 2 Dec.",
        "Depending on your bank, a refund can take a few business days to appear on your statement."]
    assert unpaid.text.split("\n") == [
        "Order #1001 was cancelled on Wed 2 Dec.", "If you did not expect this, reply here and our team will help."]
    assert (refunded.state, refunded.data["status"], refunded.late) == ("cancelled", "Cancelled", False)


def test_refunded_and_partly_refunded_orders():
    refunded = answer(replace(ORDER, financial_status="refunded"), PARCEL)
    partly = answer(replace(ORDER, financial_status="partially_refunded"), PARCEL)

    assert refunded.text.split("\n") == [
        "Order #1001 has been refunded in full.",
        "Depending on your bank, a refund can take a few business days to appear on your statement."]
    assert (refunded.state, refunded.data["status"]) == ("refunded", "Refunded")
    assert partly.text.split("\n")[:2] == ["Order #1001 has been partly refunded.", "Order #1001 has shipped."]
    assert partly.state == "in_transit"


def test_an_order_without_a_name_is_your_order():
    assert answer(replace(ORDER, name="  "), PARCEL, language="fr").text.split("\n")[0] == \
        "Votre commande a été expédiée."


def test_a_merchants_override_wins_and_a_broken_one_falls_back():
    fine = answer(ORDER, PARCEL, overrides={("wismo.shipped", "en"): "Good news: {order} is on the road!"})
    broken = answer(ORDER, PARCEL, overrides={("wismo.shipped", "en"): "{order} left on {weekday}."})

    assert fine.text.split("\n")[0] == "Good news: Order #1001 is on the road!"
    assert broken.text.split("\n")[0] == "Order #1001 has shipped."


def test_the_catalogue_has_every_language_with_the_same_variables():
    for key, variants in wismo.TEXTS.items():
        assert key.startswith("wismo.")
        assert set(variants) == set(texts.LANGUAGES), key
        english = texts.variables_of(variants["en"])
        assert all(variants[lang].strip() and texts.variables_of(variants[lang]) == english
                   for lang in texts.LANGUAGES), key
    assert {f"wismo.status.{state}" for state in wismo.ORDER_STATES} <= set(wismo.TEXTS)
    assert {f"wismo.parcel.{state}" for state in wismo.PARCEL_STATES} <= set(wismo.TEXTS)


DAYS = st.one_of(st.none(), st.dates(min_value=date(2026, 11, 1), max_value=date(2027, 1, 31)))
STATUSES = ["", "fulfilled", "success", "label_purchased", "label_printed", "confirmed", "carrier_picked_up",
            "in_transit", "delayed", "out_for_delivery", "attempted_delivery", "ready_for_pickup", "picked_up",
            "delivered", "failure", "not_delivered", "exception", "canceled", "label_voided", "something_new"]
PARCELS = st.builds(
    ParcelView,
    status=st.sampled_from(["success", "cancelled", "error", "", "open"]),
    shipment_status=st.sampled_from(STATUSES),
    carrier=st.sampled_from(["", "  ", "DHL Express", "La Poste"]),
    tracking_number=st.sampled_from(["", " ", "JD014600003", "1Z999, 1Z998"]),
    tracking_url=st.sampled_from(["", " ", "https://t.example/1", "ftp://x", "javascript:alert(1)"]),
    shipped_on=DAYS, delivered_on=DAYS, carrier_estimate=DAYS,
    events=st.lists(st.builds(EventView, status=st.sampled_from(STATUSES), happened_on=DAYS, estimate=DAYS),
                    max_size=4).map(tuple),
    item_count=st.one_of(st.none(), st.integers(0, 4)),
    transit=st.one_of(st.none(), st.tuples(st.integers(0, 10), st.integers(0, 20))),
)
ORDERS = st.builds(
    OrderView,
    name=st.sampled_from(["", "   ", "#1001", "EU-77"]), created_on=DAYS, cancelled_on=st.one_of(st.none(), DAYS),
    financial_status=st.sampled_from(["", "paid", "pending", "refunded", "partially_refunded", "voided"]),
    fulfillment_status=st.sampled_from(["", "unfulfilled", "partial", "fulfilled", "restocked", "on_hold"]),
    item_count=st.one_of(st.none(), st.integers(0, 6)), parcels=st.lists(PARCELS, max_size=3).map(tuple),
    country=st.sampled_from(["", "DE", "US", "BR", "ZZ"]), origin=st.sampled_from(["", "DE", "US"]),
)


@settings(max_examples=300, deadline=None)
@given(view=ORDERS, language=st.sampled_from(texts.LANGUAGES),
       today=st.dates(min_value=date(2026, 11, 1), max_value=date(2027, 2, 28)))
def test_never_a_blank_whatever_the_mirror_holds(view, language, today):
    result = wismo.answer(view, language=language, today=today)

    assert result.state in wismo.ORDER_STATES
    assert result.text.strip() and result.data["status"].strip()
    assert "{" not in result.text and "None" not in result.text
    for line in result.text.split("\n"):
        assert line == "" or (line == line.strip() and not line.endswith((":", "：", ": ")))
    for parcel in result.data["parcels"]:
        assert parcel["status"].strip() and parcel["state"] in wismo.PARCEL_STATES
        assert parcel["window"] is None or parcel["window"]["text"].strip()


def test_the_orders_delivery_window_spans_its_parcels_on_their_way():
    estimated = replace(PARCEL, carrier_estimate=date(2026, 12, 9))
    delivered = replace(PARCEL, shipment_status="delivered")
    no_history = replace(PARCEL, transit=None)  # domestic default: 2 to 5 business days -> Thu 3 – Tue 8 Dec

    assert wismo.delivery_window(replace(ORDER, parcels=(PARCEL, estimated, delivered)), today=TODAY) == \
        eta.Window(date(2026, 12, 3), date(2026, 12, 9), "history")
    assert wismo.delivery_window(replace(ORDER, parcels=(estimated, no_history)), today=TODAY) == \
        eta.Window(date(2026, 12, 3), date(2026, 12, 9), "default")
    assert wismo.delivery_window(replace(ORDER, parcels=(estimated,)), today=TODAY) == \
        eta.Window(date(2026, 12, 9), date(2026, 12, 9), "carrier")
    assert wismo.delivery_window(replace(ORDER, parcels=(delivered,)), today=TODAY) is None
    assert wismo.delivery_window(replace(ORDER, fulfillment_status="unfulfilled"), today=TODAY) is None

"""Template rules: the syntax, the registry, strict typed rendering (never a blank slot)."""
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support.rules.templates import (
    VARIABLES,
    DateWindow,
    InvalidValues,
    MalformedTemplate,
    MissingValues,
    Money,
    UnknownVariables,
    choose_language,
    merge,
    needs,
    order_status,
    parse,
    render,
)

NAMES = sorted(VARIABLES)


def test_the_registry_is_exactly_the_ten_variables():
    assert NAMES == [
        "agent.name", "credit.offered", "customer.first_name", "order.eta_window", "order.name", "order.status",
        "shop.name", "tracking.carrier", "tracking.number", "tracking.url",
    ]
    assert {name for name, v in VARIABLES.items() if v.agent_supplied} == {
        "tracking.url", "order.eta_window", "credit.offered", "agent.name", "shop.name"}


def test_parse_lists_variables_in_order_of_first_use():
    body = "Hi {{customer.first_name}}, order {{ order.name }} is {{order.status}}. {{customer.first_name}}!"
    assert parse(body) == ["customer.first_name", "order.name", "order.status"]
    assert parse("No variables here.") == []


def test_parse_refuses_unknown_variables_with_their_names():
    with pytest.raises(UnknownVariables) as caught:
        parse("Hi {{customer.last_name}}, {{order.name}} {{ coupon }}")
    assert caught.value.names == ["coupon", "customer.last_name"]
    assert caught.value.reason == "unknown_variables"


@pytest.mark.parametrize("body", ["Hi {{customer.first_name", "Hi customer.first_name}}", "{{ {{order.name}} }}"])
def test_parse_refuses_stray_braces(body):
    with pytest.raises(MalformedTemplate):
        parse(body)


def test_render_fills_typed_values_in_the_language():
    body = ("Hallo {{customer.first_name}}, {{order.name}} ist {{order.status}}: {{credit.offered}}, "
            "{{order.eta_window}}.")
    values = {"customer.first_name": " Jana ", "order.name": "#1001", "order.status": "shipped",
              "credit.offered": Money(Decimal("1234.5"), "EUR"),
              "order.eta_window": DateWindow(date(2026, 12, 3), date(2026, 12, 7))}
    assert render(body, values, language="de") == (
        "Hallo Jana, #1001 ist versandt: 1.234,50\xa0€, 3.–7. Dez.."
    )
    assert render("{{credit.offered}} / {{order.status}}", values) == "€1,234.50 / shipped"


@pytest.mark.parametrize("blank", [None, "", "   ", "\n\t"])
def test_render_refuses_a_blank_value(blank):
    with pytest.raises(MissingValues) as caught:
        render("Hi {{customer.first_name}}, your parcel: {{tracking.url}}",
               {"customer.first_name": "Ann", "tracking.url": blank})
    assert caught.value.names == ["tracking.url"]


_text = st.text(alphabet=st.characters(blacklist_characters="{}", blacklist_categories=("Cs",)), max_size=12)
_value = st.text(alphabet="abcXYZ 0123#-", min_size=1, max_size=8).filter(lambda s: s.strip())
_blank = st.sampled_from([None, "", " ", "\t \n"])


@given(
    pieces=st.lists(st.tuples(_text, st.sampled_from(NAMES)), min_size=1, max_size=6),
    values=st.fixed_dictionaries({name: _value for name in NAMES}),
    missing=st.sets(st.sampled_from(NAMES)),
    blank=_blank,
)
def test_render_never_returns_an_empty_slot(pieces, values, missing, blank):
    body = "".join(f"{text}{{{{{name}}}}}" for text, name in pieces)
    used = {name for _, name in pieces}
    given_values = {name: (blank if name in missing else value) for name, value in values.items()}
    given_values["order.status"] = given_values["order.status"] if "order.status" in missing else "processing"
    if used & missing:
        with pytest.raises(MissingValues) as caught:
            render(body, given_values)
        assert caught.value.names == sorted(used & missing)
        return
    text = render(body, given_values)
    assert "{{" not in text and "}}" not in text
    expected = "".join(text_piece + (" ".join(str(given_values[name]).split()) if name != "order.status"
                                     else "being prepared") for text_piece, name in pieces)
    assert text == expected


def test_merge_takes_agent_values_only_for_what_the_context_lacks():
    context = {"agent.name": "Sam", "order.name": "#1001"}
    values, supplied = merge(context, {"agent.name": "Other", "credit.offered": "12,5",
                                       "tracking.url": "https://track.example/JD1", "customer.first_name": "Bob"},
                             currency="EUR")
    assert supplied == ["credit.offered", "tracking.url"]
    assert values == {"agent.name": "Sam", "order.name": "#1001", "credit.offered": Money(Decimal("12.50"), "EUR"),
                      "tracking.url": "https://track.example/JD1"}  # the first name cannot be typed by the agent


@pytest.mark.parametrize(("name", "raw"), [
    ("tracking.url", "javascript:alert(1)"), ("tracking.url", "track.example/JD1"), ("credit.offered", "-5"),
    ("credit.offered", "0"), ("credit.offered", "12.345"), ("credit.offered", "ten"), ("agent.name", "x" * 201),
    ("order.eta_window", "{{shop.name}}"),
])
def test_merge_refuses_values_of_the_wrong_shape(name, raw):
    with pytest.raises(InvalidValues) as caught:
        merge({}, {name: raw}, currency="EUR")
    assert caught.value.names == [name]


def test_merge_refuses_money_without_a_shop_currency_and_unknown_names():
    with pytest.raises(InvalidValues):
        merge({}, {"credit.offered": "10"}, currency="")
    with pytest.raises(UnknownVariables) as caught:
        merge({}, {"coupon.code": "X"}, currency="EUR")
    assert caught.value.names == ["coupon.code"]


def test_needs_splits_what_the_agent_may_fill_from_what_nobody_can():
    names = ["customer.first_name", "order.name", "credit.offered", "agent.name"]
    assert needs(names, {"order.name": "#1", "agent.name": " "}) == (
        ["credit.offered", "agent.name"], ["customer.first_name"])


@pytest.mark.parametrize(("conversation", "available", "expected"), [
    ("de-AT", ["en", "de"], "de"), ("pt-BR", ["en", "de"], "en"), ("", ["fr", "de"], "fr"), (None, ["zh", "nl"], "nl"),
    ("fr", [], None),
])
def test_choose_language(conversation, available, expected):
    assert choose_language(available, conversation_language=conversation) == expected


@pytest.mark.parametrize(("fields", "expected"), [
    ({"cancelled": True, "financial_status": "paid", "fulfillment_status": "fulfilled"}, "cancelled"),
    ({"financial_status": "refunded", "fulfillment_status": ""}, "refunded"),
    ({"financial_status": "paid", "fulfillment_status": "fulfilled", "shipment_statuses": ["delivered"]}, "delivered"),
    ({"financial_status": "paid", "fulfillment_status": "partial", "shipment_statuses": ["in_transit"]},
     "partially_shipped"),
    ({"financial_status": "paid", "fulfillment_status": "fulfilled",
      "shipment_statuses": ["delivered", "in_transit"]}, "shipped"),
    ({"financial_status": "pending", "fulfillment_status": ""}, "awaiting_payment"),
    ({"financial_status": "paid", "fulfillment_status": ""}, "processing"),
])
def test_order_status(fields, expected):
    arguments = {"cancelled": False, "shipment_statuses": [], **fields}
    assert order_status(**arguments) == expected

"""How an anonymous shopper proves an order is theirs: order names as typed, email in any case,
postcode in any spacing, and blanks that never match."""
import pytest

from support.rules.order_lookup import contact_matches, name_candidates, normalize_email, normalize_postcode


@pytest.mark.parametrize("typed", ["1001", "#1001", " #1001 ", "# 1001", "\t1001\n"])
def test_order_names_as_people_type_them(typed):
    assert name_candidates(typed) == ["#1001", "1001"]


def test_a_shops_own_prefix_is_tried_as_typed_and_blanks_give_nothing():
    assert name_candidates("EU1001") == ["#EU1001", "EU1001"]
    assert [name_candidates(typed) for typed in ("", "  ", "#", None, "9" * 64)] == [[], [], [], [], []]


def test_normal_forms():
    assert normalize_email("  Ana.Souza@Example.COM ") == "ana.souza@example.com"
    assert {normalize_postcode(value) for value in ("k1a 0b1", "K1A-0B1", " K1A0B1 ")} == {"K1A0B1"}
    assert normalize_postcode(None) == normalize_email(None) == ""


def test_email_or_postcode_matches():
    order = {"order_email": "Ana@Example.com", "order_postcode": "K1A 0B1"}

    assert contact_matches(**order, email="ana@example.COM", postcode=None) is True
    assert contact_matches(**order, email=None, postcode="k1a0b1") is True
    assert contact_matches(**order, email="wrong@example.com", postcode="k1a0b1") is True
    assert contact_matches(**order, email="wrong@example.com", postcode="K1A 0B2") is False
    assert contact_matches(**order, email="", postcode="") is False


def test_blanks_never_match_a_blank_order():
    blank = {"order_email": "", "order_postcode": ""}

    assert contact_matches(**blank, email="", postcode=" ") is False
    assert contact_matches(**blank, email=None, postcode=None) is False
    assert contact_matches(**blank, email="-", postcode="-") is False  # "-" is no postcode at all

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support.rules.pan import luhn_valid, mask_card_numbers


@pytest.mark.parametrize(
    "text, expected, count",
    [
        ("my card is 4242424242424242 thanks", "my card is •••• 4242 thanks", 1),
        ("4111 1111 1111 1111", "•••• 1111", 1),
        ("5555-5555-5555-4444 and 378282246310005", "•••• 4444 and •••• 0005", 2),
        ("order #1001, tracking 9400828697556653624233088", "order #1001, tracking 9400828697556653624233088", 0),
        ("call +1 415 555 0100", "call +1 415 555 0100", 0),
        ("4242424242424241", "4242424242424241", 0),  # fails Luhn
        ("", "", 0),
    ],
)
def test_masking(text, expected, count):
    assert mask_card_numbers(text) == (expected, count)


def test_luhn():
    assert luhn_valid("79927398713") and not luhn_valid("79927398710")


@given(st.text(alphabet=st.characters(blacklist_categories=["Nd"]), max_size=60))
def test_text_without_digits_is_unchanged(text):
    assert mask_card_numbers(text) == (text, 0)


@given(st.from_regex(r"4[0-9]{15}", fullmatch=True))
def test_no_luhn_valid_16_digit_run_survives(candidate):
    masked, count = mask_card_numbers(f"pay with {candidate} please")
    assert (candidate in masked) == (not luhn_valid(candidate))
    assert count == (1 if luhn_valid(candidate) else 0)

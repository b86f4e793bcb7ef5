"""Card numbers never reach the database: digit runs that look like a payment card number (13-19
digits, spaces or dashes between groups allowed) and pass the Luhn check are masked down to their
last four digits. Pure functions."""
import re

PAN_CANDIDATE = re.compile(r"(?<![\d])(?:\d[ -]?){12,18}\d(?![\d])")
MASK = "•••• "


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def mask_card_numbers(text: str) -> tuple[str, int]:
    """(text with every card number masked, how many were masked)."""
    count = 0

    def replace(match):
        nonlocal count
        digits = re.sub(r"[ -]", "", match.group(0))
        if not 13 <= len(digits) <= 19 or not luhn_valid(digits):
            return match.group(0)
        count += 1
        return MASK + digits[-4:]

    return PAN_CANDIDATE.sub(replace, text), count

"""Email channel rules: who gets a reply by email, reply addresses, quoted-text stripping, automatic
mail. Plain values, no database."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from support.rules.email import (
    can_email,
    is_automatic,
    message_ids,
    reply_address,
    reply_token,
    should_email,
    strip_quoted,
)

SHOPPER = {"customer_email": "ana@example.com", "customer_redacted": False}


@pytest.mark.parametrize("channel, kind, online, expected", [
    ("chat", "agent", False, True),  # offline shopper: the reply goes out by email
    ("chat", "agent", True, False),  # the open widget shows it
    ("email", "agent", True, True),  # email channel: always
    ("email", "agent", False, True),
    ("chat", "note", False, False),  # internal notes: never
    ("email", "note", False, False),
    ("chat", "bot", False, False),  # bot answers: only on the email channel
    ("email", "bot", True, True),
    ("chat", "system", False, False),
    ("email", "shopper", False, False),
])
def test_who_gets_an_email(channel, kind, online, expected):
    assert should_email(channel=channel, kind=kind, shopper_online=online, **SHOPPER) is expected


@pytest.mark.parametrize("channel", ["chat", "email"])
def test_no_email_without_an_address_or_after_redaction(channel):
    assert should_email(channel=channel, kind="agent", shopper_online=False, customer_email="",
                        customer_redacted=False) is False
    assert should_email(channel=channel, kind="agent", shopper_online=False, customer_email="ana@example.com",
                        customer_redacted=True) is False
    assert can_email(channel=channel, kind="agent", customer_email="", customer_redacted=False) is False


def test_reply_address_round_trip():
    token = "0123456789abcdef0123456789abcdef"
    address = reply_address(token, "mail.example.com")
    assert address == "reply+0123456789abcdef0123456789abcdef@mail.example.com"
    assert reply_token(address, "mail.example.com") == token
    assert reply_token(address.upper(), "MAIL.example.com") == token  # relays may change the case


@pytest.mark.parametrize("address", [
    "reply+0123456789abcdef0123456789abcdef@other.example.com",  # another domain
    "support@mail.example.com",
    "reply+@mail.example.com",
    "reply+short@mail.example.com",
    "reply+0123456789abcdef'; drop@mail.example.com",
    "",
    "not an address",
])
def test_other_addresses_have_no_token(address):
    assert reply_token(address, "mail.example.com") is None


def test_message_ids_in_order():
    assert message_ids("<a@x> <b.c@y>\r\n <d@z>") == ["<a@x>", "<b.c@y>", "<d@z>"]
    assert message_ids(None) == [] and message_ids("no ids here") == []


@pytest.mark.parametrize("headers, expected", [
    ({"Auto-Submitted": "auto-replied"}, True),
    ({"auto-submitted": "auto-generated"}, True),
    ({"Auto-Submitted": "no"}, False),
    ({"Precedence": "bulk"}, True),
    ({"X-Autoreply": "yes"}, True),
    ({"Subject": "Re: your order"}, False),
])
def test_automatic_mail(headers, expected):
    assert is_automatic(headers) is expected


GMAIL = """Yes, the blue one please.
Thanks!

On Mon, 3 Aug 2026 at 10:02, Shop 1 <support@mail.example.com> wrote:
> Would you like the blue or the red one?
>
> --
> Shop 1
"""

GMAIL_WRAPPED = """It arrived today, thank you.

On Mon, Aug 3, 2026 at 10:02 AM Tea Shop With A Long Name <support@mail.example.com>
wrote:

> Your parcel left Leipzig.
"""

OUTLOOK = """Please cancel it.

________________________________
From: Shop 1 <support@mail.example.com>
Sent: Monday, August 3, 2026 10:02
To: Ana Souza <ana@example.com>
Subject: Your conversation with Shop 1

Your order #1001 ships tomorrow.
"""

OUTLOOK_HEADERS_ONLY = """Please cancel it.

From: Shop 1 <support@mail.example.com>
Sent: Monday, August 3, 2026 10:02
Your order #1001 ships tomorrow.
"""

ORIGINAL_MESSAGE = """Ok.

-----Original Message-----
From: Shop 1
Your order...
"""

FRENCH = """Merci beaucoup.

Le lun. 3 août 2026 à 10:02, Shop 1 <support@mail.example.com> a écrit :
> Votre colis est parti.
"""

GERMAN = """Danke.

Am Mo., 3. Aug. 2026 um 10:02 Uhr schrieb Shop 1 <support@mail.example.com>:
> Ihr Paket ist unterwegs.
"""

SIGNATURE = "Where is my parcel?\n\n-- \nAna Souza\n+55 11 5555 0100\n"

BOTTOM_POSTED = """On Mon, 3 Aug 2026 at 10:02, Shop 1 <support@mail.example.com> wrote:
> Would you like the blue or the red one?

The red one.
"""

INLINE = """> Would you like the blue or the red one?
The red one.
> And which size?
Medium.
"""


@pytest.mark.parametrize("text, expected", [
    (GMAIL, "Yes, the blue one please.\nThanks!"),
    (GMAIL_WRAPPED, "It arrived today, thank you."),
    (OUTLOOK, "Please cancel it."),
    (OUTLOOK_HEADERS_ONLY, "Please cancel it."),
    (ORIGINAL_MESSAGE, "Ok."),
    (FRENCH, "Merci beaucoup."),
    (GERMAN, "Danke."),
    (SIGNATURE, "Where is my parcel?"),
    (BOTTOM_POSTED, "The red one."),
    (INLINE, "The red one.\nMedium."),
    ("Just text\r\nover two lines\r\n", "Just text\nover two lines"),
    ("On Monday I ordered a lamp.\nIt is broken.", "On Monday I ordered a lamp.\nIt is broken."),
    ("> only quoted\n> text", ""),
    ("", ""),
])
def test_strip_quoted(text, expected):
    assert strip_quoted(text) == expected


@given(st.text(alphabet=st.characters(blacklist_characters=">\r", blacklist_categories=["Cs"]), max_size=200))
def test_stripping_never_adds_text(text):
    stripped = strip_quoted(text)
    assert all(line.strip() in text for line in stripped.split("\n"))

"""Inbound email through Mailgun's signed inbound webhook (anymail's view, our receiver): a shopper's
emailed answer threads into its conversation once; forged, unknown, automatic and cross-shop mail
stores nothing. The posts have Mailgun's shape (raw MIME + signature fields); the MIME is a recorded
Gmail reply (tests/fixtures/email/mailgun_reply.eml)."""
import hashlib
import hmac
import itertools
import time
from pathlib import Path

import pytest
from django.core import mail

from support.actions import email as email_actions
from support.actions.messages import send_agent_reply
from support.models import ConversationStatus, Message, MessageKind
from tests.factories import AgentFactory, ConversationFactory

pytestmark = pytest.mark.django_db

URL = "/webhooks/email/mailgun/inbound_mime/"
SIGNING_KEY = "key-test-mailgun-signing-0123456789"
DOMAIN = "mail.example.com"
RECORDED = (Path(__file__).resolve().parents[2] / "fixtures" / "email" / "mailgun_reply.eml").read_text()
_tokens = itertools.count(1)


@pytest.fixture(autouse=True)
def email_settings(settings, redis_client):
    settings.SUPPORT_EMAIL_DOMAIN = DOMAIN
    settings.DEFAULT_FROM_EMAIL = f"support@{DOMAIN}"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ANYMAIL = {"MAILGUN_WEBHOOK_SIGNING_KEY": SIGNING_KEY}
    return settings


def emailed_reply(conversation):
    """An agent's reply, emailed: the conversation now has a reply token and a sent Message-ID."""
    message, _ = send_agent_reply(conversation, agent=AgentFactory(shop=conversation.shop),
                                  body="Your parcel left Leipzig today.", client_id=f"a{conversation.pk}")
    assert email_actions.email_reply(message.pk) == "sent"
    conversation.refresh_from_db()
    message.refresh_from_db()
    return message


def mime(*, to, in_reply_to="<none@mail.example.com>", message_id="<CAF=reply-1@mail.gmail.com>", extra_headers=""):
    raw = RECORDED.format(to=to, in_reply_to=in_reply_to, references=in_reply_to, message_id=message_id)
    return raw.replace("MIME-Version: 1.0\n", f"MIME-Version: 1.0\n{extra_headers}", 1)


def post(client, raw, *, recipient, key=SIGNING_KEY, signed=True, **headers):
    """POST the way Mailgun's route forward() does to a URL containing "mime"."""
    timestamp, token = str(int(time.time())), f"mailgun-token-{next(_tokens):06d}"
    fields = {"recipient": recipient, "sender": "ana@example.com", "from": "Ana Souza <ana@example.com>",
              "subject": "Re: Your conversation with Tea & Co", "body-mime": raw}
    if signed:
        fields |= {"timestamp": timestamp, "token": token,
                   "signature": hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()}
    return client.post(URL, fields, **headers)


@pytest.fixture
def conversation():
    return ConversationFactory(shop__name="Tea & Co", customer__email="ana@example.com",
                               status=ConversationStatus.RESOLVED)


def shopper_messages(conversation):
    return list(Message.objects.filter(conversation=conversation, kind=MessageKind.SHOPPER).order_by("pk"))


def test_signed_reply_threads_into_the_conversation_with_quotes_stripped(client, conversation):
    sent = emailed_reply(conversation)
    conversation.status = ConversationStatus.RESOLVED
    conversation.save(update_fields=["status"])
    address = f"reply+{conversation.email_token}@{DOMAIN}"

    response = post(client, mime(to=address, in_reply_to=sent.email_message_id), recipient=address)

    assert response.status_code == 200
    [message] = shopper_messages(conversation)
    assert message.body == "Obrigada! It arrived today, but the lid is dented.\nCan you refund the card •••• 4242?"
    assert message.email_message_id == "<CAF=reply-1@mail.gmail.com>"
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.OPEN  # a resolved conversation reopens
    assert conversation.waiting_since == message.created_at
    assert not Message.objects.filter(body__contains="4242 4242").exists()


def test_next_reply_is_threaded_under_the_shoppers_email(client, conversation):
    emailed_reply(conversation)
    address = f"reply+{conversation.email_token}@{DOMAIN}"
    post(client, mime(to=address), recipient=address)
    message, _ = send_agent_reply(conversation, agent=AgentFactory(shop=conversation.shop), body="Refunded.",
                                  client_id="a-next")
    mail.outbox.clear()
    assert email_actions.email_reply(message.pk) == "sent"
    assert mail.outbox[0].message()["In-Reply-To"] == "<CAF=reply-1@mail.gmail.com>"


def test_redelivered_email_is_stored_once(client, conversation):
    emailed_reply(conversation)
    address = f"reply+{conversation.email_token}@{DOMAIN}"
    first = post(client, mime(to=address), recipient=address)
    again = post(client, mime(to=address), recipient=address)  # Mailgun retries: new token, same email
    assert (first.status_code, again.status_code) == (200, 200)
    assert len(shopper_messages(conversation)) == 1


@pytest.mark.parametrize("how", ["forged", "unsigned", "other_key"])
def test_forged_or_unsigned_post_is_refused_and_stores_nothing(client, conversation, how, caplog):
    emailed_reply(conversation)
    address = f"reply+{conversation.email_token}@{DOMAIN}"
    if how == "forged":
        fields = {"recipient": address, "body-mime": mime(to=address), "timestamp": str(int(time.time())),
                  "token": "t" * 50, "signature": "0" * 64}
        response = client.post(URL, fields)
    else:
        response = post(client, mime(to=address), recipient=address, signed=how != "unsigned",
                        key="key-someone-else-000000000000000")
    assert response.status_code == 401
    assert shopper_messages(conversation) == []
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.RESOLVED
    assert [(r.getMessage(), r.reason) for r in caplog.records if r.name == "support.api.inbound_email"] == [
        ("email.inbound.refused", "invalid_signature")]


def test_basic_auth_is_enforced_when_configured(client, conversation, settings):
    settings.ANYMAIL = {"MAILGUN_WEBHOOK_SIGNING_KEY": SIGNING_KEY, "WEBHOOK_SECRET": "mailgun:s3cret-pass"}
    emailed_reply(conversation)
    address = f"reply+{conversation.email_token}@{DOMAIN}"
    refused = post(client, mime(to=address), recipient=address)
    accepted = post(client, mime(to=address), recipient=address,
                    HTTP_AUTHORIZATION="Basic bWFpbGd1bjpzM2NyZXQtcGFzcw==")
    assert (refused.status_code, accepted.status_code) == (401, 200)
    assert len(shopper_messages(conversation)) == 1


def test_unknown_token_answers_200_stores_nothing_and_logs_no_address(client, conversation, caplog):
    emailed_reply(conversation)
    address = f"reply+{'f' * 32}@{DOMAIN}"
    response = post(client, mime(to=address), recipient=address)
    assert response.status_code == 200
    assert shopper_messages(conversation) == []
    dropped = [r for r in caplog.records if r.name == "support.actions.inbound_email"]
    assert [(r.getMessage(), r.reason, r.conversation_id) for r in dropped] == [
        ("email.inbound.dropped", "unknown_recipient", None)]
    assert not any("ana@example.com" in r.getMessage() or "f" * 32 in str(vars(r)) for r in caplog.records)


def test_token_on_another_domain_is_unknown(client, conversation):
    emailed_reply(conversation)
    address = f"reply+{conversation.email_token}@attacker.example"
    assert post(client, mime(to=address), recipient=address).status_code == 200
    assert shopper_messages(conversation) == []


def test_another_shops_token_cannot_reach_this_shops_conversation(client, conversation):
    ours = emailed_reply(conversation)
    theirs = ConversationFactory(customer__email="ana@example.com")  # another shop, same shopper address
    emailed_reply(theirs)
    address = f"reply+{theirs.email_token}@{DOMAIN}"
    # Their token, threaded under our reply: the token decides, and it names their conversation only.
    response = post(client, mime(to=address, in_reply_to=ours.email_message_id), recipient=address)
    assert response.status_code == 200
    assert shopper_messages(conversation) == []
    assert [m.shop_id for m in shopper_messages(theirs)] == [theirs.shop_id]


def test_reply_without_the_token_threads_by_in_reply_to_from_the_shoppers_address(client, conversation):
    sent = emailed_reply(conversation)
    support = f"support@{DOMAIN}"
    response = post(client, mime(to=support, in_reply_to=sent.email_message_id), recipient=support)
    assert response.status_code == 200
    assert len(shopper_messages(conversation)) == 1


def test_in_reply_to_from_someone_else_is_dropped(client, conversation):
    sent = emailed_reply(conversation)
    raw = mime(to=f"support@{DOMAIN}", in_reply_to=sent.email_message_id).replace(
        "From: Ana Souza <ana@example.com>", "From: Mallory <mallory@example.net>")
    assert post(client, raw, recipient=f"support@{DOMAIN}").status_code == 200
    assert shopper_messages(conversation) == []


def test_out_of_office_answers_are_not_messages(client, conversation):
    emailed_reply(conversation)
    address = f"reply+{conversation.email_token}@{DOMAIN}"
    raw = mime(to=address, extra_headers="Auto-Submitted: auto-replied\n")
    assert post(client, raw, recipient=address).status_code == 200
    assert shopper_messages(conversation) == []


def test_redacted_shopper_email_is_dropped(client, conversation):
    from django.utils import timezone

    emailed_reply(conversation)
    conversation.customer.redacted_at = timezone.now()
    conversation.customer.save(update_fields=["redacted_at"])
    address = f"reply+{conversation.email_token}@{DOMAIN}"
    assert post(client, mime(to=address), recipient=address).status_code == 200
    assert shopper_messages(conversation) == []


def test_only_quoted_text_stores_nothing(client, conversation):
    emailed_reply(conversation)
    address = f"reply+{conversation.email_token}@{DOMAIN}"
    own_words = "Obrigada! It arrived today, but the lid is dented.\nCan you refund the card 4242 4242 4242 4242?\n"
    raw = mime(to=address).replace(own_words, "")
    assert post(client, raw, recipient=address).status_code == 200
    assert shopper_messages(conversation) == []


def test_endpoint_does_not_exist_without_a_signing_key(client, conversation, settings):
    settings.ANYMAIL = {}
    emailed_reply(conversation)
    address = f"reply+{conversation.email_token}@{DOMAIN}"
    assert post(client, mime(to=address), recipient=address).status_code == 404
    assert shopper_messages(conversation) == []

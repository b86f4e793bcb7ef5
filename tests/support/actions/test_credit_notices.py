"""Telling the shopper about their store credit: one bot message in the grant's conversation, in the
shopper's language, one ``notified`` ledger entry, and one email when no widget is open. Real
PostgreSQL, real Redis for presence, Django's locmem backend (``mail.outbox``)."""
from datetime import UTC, datetime

import pytest
from django.core import mail

from shopapp.celery import app as celery_app
from support import presence
from support.actions import credit_notices
from support.actions.credit_issuance import gift_card_code
from support.actions.credit_notices import ask_for_feedback, notify_credit_issued
from support.models import Channel, CreditLedgerEntry, Message, TimelineEvent
from tests.factories import ConversationFactory, CreditGrantFactory

pytestmark = pytest.mark.django_db

EXPIRES = datetime(2027, 3, 1, 17, 0, tzinfo=UTC)  # noon on 1 March in New York (the shop's zone)
EN = "We've added €7.50 in store credit to your account. It's valid until March 1, 2027."
DE = "Wir haben deinem Kundenkonto 7,50\xa0€ Guthaben gutgeschrieben. Es ist bis zum 1. März 2027 gültig."


@pytest.fixture(autouse=True)
def email_settings(settings, redis_client):
    """A known domain and sender; presence starts empty (nobody online)."""
    settings.SUPPORT_EMAIL_DOMAIN = "mail.example.com"
    settings.DEFAULT_FROM_EMAIL = "Support <support@mail.example.com>"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    celery_app.conf.task_always_eager = True
    yield settings
    celery_app.conf.task_always_eager = False


@pytest.fixture
def conversation():
    return ConversationFactory(shop__name="Tea & Co", shop__timezone="America/New_York", customer__first_name="Ana",
                               customer__last_name="Souza", customer__email="ana@example.com", customer__locale="en")


def grant_in(where, **fields):
    """An issued grant of ``where``'s customer, told in ``where`` unless ``conversation`` says otherwise."""
    values = {"state": "issued", "amount": "7.50", "currency": "EUR", "expires_at": EXPIRES,
              "issued_at": datetime(2026, 11, 20, tzinfo=UTC), "conversation": where, **fields}
    return CreditGrantFactory(shop=where.shop, customer=where.customer, order__name="#1042", **values)


def bot_messages(conversation):
    return list(Message.objects.filter(conversation=conversation, kind="bot").values_list("client_id", "body"))


def ledger(grant):
    return list(CreditLedgerEntry.objects.filter(grant=grant).values_list("shop_id", "kind", "actor", "data"))


def timeline(conversation):
    return list(TimelineEvent.objects.filter(conversation=conversation).order_by("pk").values_list("kind", flat=True))


def test_issued_credit_is_told_in_english_with_amount_and_expiry_and_recorded(conversation,
                                                                             django_capture_on_commit_callbacks):
    presence.mark_shopper(conversation.pk, "socket-1")
    grant = grant_in(conversation)

    with django_capture_on_commit_callbacks(execute=True):
        assert notify_credit_issued(grant) == "notified"

    message = Message.objects.get(conversation=conversation)
    assert (message.kind, message.client_id, message.body, message.agent_id) == (
        "bot", f"credit:{grant.pk}:issued", EN, None)
    conversation.refresh_from_db()
    assert conversation.last_bot_key == "credit.issued"
    assert ledger(grant) == [(grant.shop_id, "notified", "system", {
        "message_id": str(message.pk), "key": "credit.issued", "language": "en", "email": False})]
    assert mail.outbox == []  # the shopper has the widget open
    assert timeline(conversation) == ["message.created"]


def test_the_text_is_in_the_conversations_language(conversation, django_capture_on_commit_callbacks):
    conversation.language = "de-AT"
    conversation.save(update_fields=["language"])
    presence.mark_shopper(conversation.pk, "socket-1")
    grant = grant_in(conversation)

    with django_capture_on_commit_callbacks(execute=True):
        notify_credit_issued(grant)

    assert bot_messages(conversation) == [(f"credit:{grant.pk}:issued", DE)]
    assert ledger(grant)[0][3]["language"] == "de"


def test_the_customers_locale_when_the_conversation_has_no_language(conversation,
                                                                    django_capture_on_commit_callbacks):
    conversation.customer.locale = "es-MX"
    conversation.customer.save(update_fields=["locale"])
    grant = grant_in(conversation, expires_at=None, instrument="gift_card")

    with django_capture_on_commit_callbacks(execute=True):
        notify_credit_issued(grant)

    code = gift_card_code(grant)
    assert len(code) >= 8
    assert bot_messages(conversation) == [(f"credit:{grant.pk}:issued",
                                           f"Te hemos emitido una tarjeta regalo de 7,50\xa0€. Su código: {code}.")]


def test_the_no_expiry_marker_date_is_never_told(conversation, django_capture_on_commit_callbacks):
    grant = grant_in(conversation, expires_at=datetime(2100, 1, 1, 4, 30, tzinfo=UTC))  # 2099-12-31 in New York

    with django_capture_on_commit_callbacks(execute=True):
        notify_credit_issued(grant)

    assert bot_messages(conversation) == [(f"credit:{grant.pk}:issued",
                                           "We've added €7.50 in store credit to your account.")]
    assert ledger(grant)[0][3]["key"] == "credit.issued_no_expiry"


def test_a_repeated_notice_posts_nothing_and_records_nothing_more(conversation,
                                                                  django_capture_on_commit_callbacks):
    grant = grant_in(conversation)

    with django_capture_on_commit_callbacks(execute=True):
        first = notify_credit_issued(grant)
    with django_capture_on_commit_callbacks(execute=True):
        second = notify_credit_issued(grant)

    assert (first, second) == ("notified", "already_notified")
    assert bot_messages(conversation) == [(f"credit:{grant.pk}:issued", EN)]
    assert [kind for _, kind, _, _ in ledger(grant)] == ["notified"]
    assert len(mail.outbox) == 1


def test_an_absent_shopper_gets_the_notice_by_email_once(conversation, django_capture_on_commit_callbacks):
    grant = grant_in(conversation)

    with django_capture_on_commit_callbacks(execute=True):
        notify_credit_issued(grant)

    message = Message.objects.get(conversation=conversation)
    conversation.refresh_from_db()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert (sent.subject, sent.to, sent.reply_to) == (
        "Your conversation with Tea & Co", ["Ana Souza <ana@example.com>"],
        [f"reply+{conversation.email_token}@mail.example.com"])
    assert sent.body == f"{EN}\n\n-- \nTea & Co\nReply to this email to continue the conversation.\n"
    assert sent.message()["Message-ID"] == message.email_message_id
    assert message.emailed_at is not None
    assert ledger(grant)[0][3]["email"] is True
    assert timeline(conversation) == ["message.created", "message.emailed"]

    assert credit_notices.email_notice(message.pk) == "already_sent"  # a duplicated task
    assert len(mail.outbox) == 1


def test_no_email_for_a_shopper_without_an_address_or_redacted(conversation, django_capture_on_commit_callbacks):
    conversation.customer.email = ""
    conversation.customer.save(update_fields=["email"])
    grant = grant_in(conversation)

    with django_capture_on_commit_callbacks(execute=True):
        notify_credit_issued(grant)

    assert mail.outbox == []
    assert ledger(grant)[0][3]["email"] is False
    message = Message.objects.get(conversation=conversation)
    assert credit_notices.email_notice(message.pk) == "not_emailable"
    assert mail.outbox == []


def test_the_email_channel_emails_even_with_the_widget_open(conversation, django_capture_on_commit_callbacks):
    conversation.channel = Channel.EMAIL
    conversation.save(update_fields=["channel"])
    presence.mark_shopper(conversation.pk, "socket-1")

    with django_capture_on_commit_callbacks(execute=True):
        notify_credit_issued(grant_in(conversation))

    assert len(mail.outbox) == 1


def test_an_agents_reply_is_not_emailed_through_the_notice_path(conversation):
    reply = Message.objects.create(shop=conversation.shop, conversation=conversation, kind="agent", body="Hi",
                                   client_id="credit:1:issued", created_at=EXPIRES)
    assert credit_notices.email_notice(reply.pk) == "not_emailable"
    assert credit_notices.email_notice(reply.pk + 1000) == "gone"
    assert mail.outbox == []


@pytest.mark.parametrize("state", ["approved", "issuing", "uncertain", "failed", "pending_approval"])
def test_a_grant_not_issued_is_not_told(conversation, state, django_capture_on_commit_callbacks):
    grant = grant_in(conversation, state=state)

    with django_capture_on_commit_callbacks(execute=True):
        assert notify_credit_issued(grant) == "not_issued"

    assert bot_messages(conversation) == [] and ledger(grant) == [] and mail.outbox == []


def test_a_grant_without_a_conversation_is_not_told(conversation, django_capture_on_commit_callbacks):
    grant = grant_in(conversation, conversation=None)

    with django_capture_on_commit_callbacks(execute=True):
        assert notify_credit_issued(grant) == "no_conversation"

    assert Message.objects.count() == 0 and ledger(grant) == [] and mail.outbox == []


def test_feedback_first_asks_for_a_rating_once(conversation, django_capture_on_commit_callbacks):
    conversation.language = "de"
    conversation.save(update_fields=["language"])
    presence.mark_shopper(conversation.pk, "socket-1")
    grant = grant_in(conversation, state="awaiting_feedback", issued_at=None)

    with django_capture_on_commit_callbacks(execute=True):
        assert ask_for_feedback(grant) == "asked"
    with django_capture_on_commit_callbacks(execute=True):
        assert ask_for_feedback(grant) == "already_asked"

    assert bot_messages(conversation) == [(
        f"credit:{grant.pk}:feedback_ask",
        "Wie war deine Bestellung #1042? Bitte bewerte sie von 1 bis 5 und sag uns in ein paar Worten, "
        "wie es gelaufen ist.",
    )]
    message = Message.objects.get(conversation=conversation)
    assert ledger(grant) == [(grant.shop_id, "feedback_asked", "system", {
        "message_id": str(message.pk), "key": "credit.feedback_ask", "language": "de", "email": False})]


def test_feedback_is_asked_only_while_the_grant_waits_for_it(conversation, django_capture_on_commit_callbacks):
    grant = grant_in(conversation, state="issued")

    with django_capture_on_commit_callbacks(execute=True):
        assert ask_for_feedback(grant) == "not_awaiting_feedback"

    assert bot_messages(conversation) == [] and ledger(grant) == [] and mail.outbox == []

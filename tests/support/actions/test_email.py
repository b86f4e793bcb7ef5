"""Outbound email: an agent's reply reaches an offline shopper by email once, as plain text, with the
headers that thread it; online shoppers, notes and shoppers without an address get none; retried
tasks and lost tasks (the beat sweep) never send twice. Real PostgreSQL, real Redis for presence,
Django's locmem backend (``mail.outbox``)."""
import re
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from shopapp.celery import app as celery_app
from support import presence
from support.actions import email as email_actions
from support.actions.messages import add_internal_note, receive_customer_message, send_agent_reply
from support.models import Channel, Message, TimelineEvent
from support.tasks import email_reply_task, sweep_email_replies_task
from tests.factories import AgentFactory, ConversationFactory
from tests.support.email_backends import FlakyBackend

pytestmark = pytest.mark.django_db


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
    return ConversationFactory(shop__name="Tea & Co", customer__first_name="Ana", customer__last_name="Souza",
                               customer__email="ana@example.com")


def reply(conversation, body="Your parcel left Leipzig today.", client_id="a1", capture=None):
    agent = AgentFactory(shop=conversation.shop)
    with capture(execute=True):
        message, _ = send_agent_reply(conversation, agent=agent, body=body, client_id=client_id)
    return message


def timeline(conversation):
    return list(TimelineEvent.objects.filter(conversation=conversation).order_by("pk").values_list("kind", flat=True))


def test_reply_to_an_offline_shopper_is_emailed_once_with_exact_headers(conversation,
                                                                      django_capture_on_commit_callbacks):
    receive_customer_message(conversation, body="Where is my tea?", client_id="s1")
    message = reply(conversation, capture=django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    sent = mail.outbox[0].message()
    message.refresh_from_db()
    conversation.refresh_from_db()
    assert re.fullmatch(r"[0-9a-f]{32}", conversation.email_token)
    assert re.fullmatch(r"<[^<>@\s]+@mail\.example\.com>", sent["Message-ID"])
    assert {name: sent[name] for name in ("From", "To", "Reply-To", "Subject", "Message-ID")} == {
        "From": "Tea & Co <support@mail.example.com>",
        "To": "Ana Souza <ana@example.com>",
        "Reply-To": f"reply+{conversation.email_token}@mail.example.com",
        "Subject": "Your conversation with Tea & Co",
        "Message-ID": message.email_message_id,
    }
    assert sent["In-Reply-To"] is None and sent["References"] is None  # no email from the shopper yet
    assert not sent.is_multipart() and sent.get_content_type() == "text/plain"
    assert type(mail.outbox[0]).__name__ == "EmailMessage" and not mail.outbox[0].attachments  # no HTML part
    assert mail.outbox[0].body == (
        "Your parcel left Leipzig today.\n\n-- \nTea & Co\nReply to this email to continue the conversation.\n"
    )
    assert message.emailed_at is not None
    assert timeline(conversation) == ["message.created", "message.created", "message.email_queued",
                                      "message.emailed"]


def test_reply_threads_under_the_shoppers_last_email_and_keeps_the_token(conversation,
                                                                        django_capture_on_commit_callbacks):
    receive_customer_message(conversation, body="first", client_id="s1")
    Message.objects.filter(conversation=conversation).update(email_message_id="<old@client.example>")
    receive_customer_message(conversation, body="second", client_id="s2")
    Message.objects.filter(conversation=conversation, client_id="s2").update(email_message_id="<last@client.example>")

    reply(conversation, client_id="a1", capture=django_capture_on_commit_callbacks)
    reply(conversation, body="And it is in Lisbon now.", client_id="a2", capture=django_capture_on_commit_callbacks)

    first, second = (email.message() for email in mail.outbox)
    assert (first["In-Reply-To"], first["References"]) == ("<last@client.example>", "<last@client.example>")
    assert first["Reply-To"] == second["Reply-To"]  # one token per conversation
    assert first["Message-ID"] != second["Message-ID"]


def test_online_shopper_gets_no_email(conversation, django_capture_on_commit_callbacks):
    presence.mark_shopper(conversation.pk, "socket-1")
    message = reply(conversation, capture=django_capture_on_commit_callbacks)
    message.refresh_from_db()
    conversation.refresh_from_db()
    assert mail.outbox == []
    assert (message.emailed_at, message.email_message_id, conversation.email_token) == (None, "", None)
    assert timeline(conversation) == ["message.created"]


def test_email_channel_emails_even_an_online_shopper(conversation, django_capture_on_commit_callbacks):
    conversation.channel = Channel.EMAIL
    conversation.save(update_fields=["channel"])
    presence.mark_shopper(conversation.pk, "socket-1")
    reply(conversation, capture=django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("channel", [Channel.CHAT, Channel.EMAIL])
def test_internal_note_is_never_emailed(conversation, channel, django_capture_on_commit_callbacks):
    conversation.channel = channel
    conversation.save(update_fields=["channel"])
    with django_capture_on_commit_callbacks(execute=True):
        note, _ = add_internal_note(conversation, agent=AgentFactory(shop=conversation.shop), body="VIP",
                                    client_id="n1")
    assert mail.outbox == []
    assert email_actions.email_reply(note.pk) == "not_emailable"  # even a task asked for it directly
    assert mail.outbox == [] and timeline(conversation) == ["message.created"]


@pytest.mark.parametrize("change", [{"email": ""}, {"redacted_at": timezone.now()}])
def test_shopper_without_address_or_redacted_gets_no_email(conversation, change, django_capture_on_commit_callbacks):
    for name, value in change.items():
        setattr(conversation.customer, name, value)
    conversation.customer.save()
    message = reply(conversation, capture=django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert email_actions.email_reply(message.pk) == "not_emailable"
    assert mail.outbox == []


def test_task_run_twice_sends_one_email(conversation):
    agent = AgentFactory(shop=conversation.shop)
    message, _ = send_agent_reply(conversation, agent=agent, body="Hello!", client_id="a1")  # callbacks not run

    assert email_reply_task(message.pk) == "sent"
    assert email_reply_task(message.pk) == "already_sent"
    assert email_reply_task.delay(message.pk).get() == "already_sent"

    assert len(mail.outbox) == 1
    assert TimelineEvent.objects.filter(conversation=conversation, kind="message.emailed").count() == 1


def test_task_for_a_message_that_is_gone_returns_early(caplog):
    assert email_reply_task(987654321) == "gone"
    assert [(r.getMessage(), r.reason, r.message_id) for r in caplog.records if r.name == "support.actions.email"] == [
        ("email.reply.skipped", "gone", 987654321)]
    assert mail.outbox == []


def test_agent_markup_is_sent_as_text_never_html(conversation, django_capture_on_commit_callbacks):
    reply(conversation, body='<a href="https://evil.example">click</a> & <b>bold</b>',
          capture=django_capture_on_commit_callbacks)
    sent = mail.outbox[0]
    assert sent.body.startswith('<a href="https://evil.example">click</a> & <b>bold</b>\n')
    assert sent.message().get_content_type() == "text/plain" and not hasattr(sent, "alternatives")


def test_shop_name_cannot_inject_headers(conversation, django_capture_on_commit_callbacks):
    conversation.shop.name = "Tea\r\nBcc: victim@example.com"
    conversation.shop.save(update_fields=["name"])
    reply(conversation, capture=django_capture_on_commit_callbacks)
    sent = mail.outbox[0].message()
    assert sent["Bcc"] is None and mail.outbox[0].recipients() == ["Ana Souza <ana@example.com>"]
    assert sent["Subject"] == "Your conversation with Tea Bcc: victim@example.com"


def test_smtp_failure_retries_with_backoff_and_sends_once(conversation, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.support.email_backends.FlakyBackend"
    FlakyBackend.failures, FlakyBackend.attempts = 2, 0
    message = reply(conversation, capture=django_capture_on_commit_callbacks)  # eager: retries run at once
    message.refresh_from_db()
    assert FlakyBackend.attempts == 3
    assert len(mail.outbox) == 1 and message.emailed_at is not None
    assert email_reply_task.autoretry_for == (smtplib.SMTPException, OSError, email_reply_task.autoretry_for[2])
    assert (email_reply_task.retry_backoff, email_reply_task.retry_backoff_max) == (30, 1800)


def test_failed_send_leaves_the_message_unsent_for_the_retry(conversation, settings):
    settings.EMAIL_BACKEND = "tests.support.email_backends.FlakyBackend"
    FlakyBackend.failures = 1
    message, _ = send_agent_reply(conversation, agent=AgentFactory(shop=conversation.shop), body="Hi", client_id="a1")
    with pytest.raises(smtplib.SMTPServerDisconnected):
        email_actions.email_reply(message.pk)
    message.refresh_from_db()
    conversation.refresh_from_db()
    assert (message.emailed_at, message.email_message_id) == (None, "")
    assert "message.emailed" not in timeline(conversation)
    assert email_actions.email_reply(message.pk) == "sent" and len(mail.outbox) == 1


def test_refused_recipient_is_recorded_and_not_retried(conversation, settings):
    settings.EMAIL_BACKEND = "tests.support.email_backends.FlakyBackend"
    FlakyBackend.failures, FlakyBackend.attempts = 1, 0
    FlakyBackend.error = smtplib.SMTPRecipientsRefused({"ana@example.com": (550, b"no such user")})
    try:
        message, _ = send_agent_reply(conversation, agent=AgentFactory(shop=conversation.shop), body="Hi",
                                      client_id="a1")
        assert email_reply_task.delay(message.pk).get() == "refused"
    finally:
        FlakyBackend.error = smtplib.SMTPServerDisconnected("connection unexpectedly closed")
    assert FlakyBackend.attempts == 1 and mail.outbox == []
    failed = TimelineEvent.objects.get(conversation=conversation, kind="message.email_failed")
    assert failed.data == {"message_id": str(message.pk), "reason": "SMTPRecipientsRefused"}


def test_sweep_sends_emails_whose_task_was_lost_and_nothing_else(conversation, django_capture_on_commit_callbacks):
    agent = AgentFactory(shop=conversation.shop)
    lost, _ = send_agent_reply(conversation, agent=agent, body="lost", client_id="a1")  # queued, task never ran
    sent = reply(conversation, body="sent", client_id="a2", capture=django_capture_on_commit_callbacks)
    refused, _ = send_agent_reply(conversation, agent=agent, body="refused", client_id="a3")
    TimelineEvent.objects.create(shop=conversation.shop, conversation=conversation, kind="message.email_failed",
                                 actor="system", data={"message_id": str(refused.pk), "reason": "x"})
    fresh, _ = send_agent_reply(conversation, agent=agent, body="fresh", client_id="a4")
    since_redacted = ConversationFactory(shop=conversation.shop)
    send_agent_reply(since_redacted, agent=agent, body="to a redacted shopper", client_id="a5")
    since_redacted.customer.redacted_at = timezone.now()
    since_redacted.customer.save(update_fields=["redacted_at"])
    TimelineEvent.objects.filter(kind="message.email_queued").exclude(
        data__message_id=str(fresh.pk)).update(created_at=timezone.now() - timedelta(minutes=11))
    mail.outbox.clear()

    assert email_actions.unsent_email_replies(timezone.now()) == [lost.pk]
    assert sweep_email_replies_task() == 1
    assert [email.body.split("\n")[0] for email in mail.outbox] == ["lost"]
    assert sweep_email_replies_task() == 0
    assert Message.objects.get(pk=sent.pk).emailed_at is not None

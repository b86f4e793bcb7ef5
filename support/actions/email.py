"""Writes of the email channel, outbound: an agent's reply reaches a shopper without an open widget
by email, as plain text, exactly once.

``schedule_email_reply`` runs after the reply is stored: when the rule says so it records
``message.email_queued`` on the timeline and enqueues ``email_reply_task`` after commit.
``email_reply`` sends under the message's row lock and sets ``emailed_at`` in the same transaction,
so a retried or duplicated task sends nothing twice. A queue that lost the task (Redis flushed) is
caught up by ``unsent_email_replies`` from the beat sweep."""
import logging
import secrets
import smtplib
from datetime import timedelta
from email.utils import formataddr, make_msgid, parseaddr

from anymail.exceptions import AnymailInvalidAddress, AnymailRecipientsRefused
from django.conf import settings
from django.core.mail import BadHeaderError, EmailMessage
from django.db import transaction
from django.utils import timezone

from support import presence
from support.models import Conversation, Message, MessageKind, TimelineEvent
from support.rules import email as rules
from support.selectors.locks import lock_message

logger = logging.getLogger(__name__)

EMAIL_QUEUED = "message.email_queued"
EMAILED = "message.emailed"
EMAIL_FAILED = "message.email_failed"
# A recipient the provider or server refuses for good: retrying cannot help.
PERMANENT_ERRORS = (smtplib.SMTPRecipientsRefused, AnymailRecipientsRefused, AnymailInvalidAddress, BadHeaderError)
SWEEP_GRACE = timedelta(minutes=10)  # a queued email older than this and not sent has lost its task
SWEEP_WINDOW = timedelta(days=1)  # older than this, an email is no longer worth sending
SWEEP_LIMIT = 500


def schedule_email_reply(message: Message) -> bool:
    """Queue the email of a just-stored message when the shopper needs it (see ``rules.should_email``)."""
    conversation = message.conversation
    customer = conversation.customer
    channel = conversation.channel
    wanted = rules.should_email(
        channel=channel, kind=message.kind, customer_email=customer.email,
        customer_redacted=customer.redacted_at is not None,
        shopper_online=channel != rules.EMAIL_CHANNEL and presence.shopper_online(conversation.pk),
    )
    if not wanted:
        return False
    with transaction.atomic():
        _event(message, EMAIL_QUEUED)
        transaction.on_commit(lambda: enqueue_email_reply(message.pk))
    return True


def enqueue_email_reply(message_id: int) -> None:
    from support.tasks import email_reply_task  # tasks import the actions

    try:
        email_reply_task.delay(message_id)
    except Exception:  # noqa: BLE001 - broker down: the beat sweep sends it later
        logger.warning("email.reply.enqueue_failed", extra={"message_id": message_id})


def email_reply(message_id: int) -> str:
    """Send one message to its shopper by email, once. Returns what happened: ``sent``,
    ``already_sent``, ``gone``, ``not_emailable`` or ``refused`` (a permanent refusal, recorded on
    the timeline). Transient SMTP or provider errors propagate (the task retries them)."""
    with transaction.atomic():
        message = lock_message(message_id)
        outcome = _check(message)
        if outcome:
            logger.info("email.reply.skipped", extra={"message_id": message_id, "reason": outcome})
            return outcome
        conversation = message.conversation
        email = compose_email(message, conversation, reply_token(conversation))
        try:
            email.send()
        except PERMANENT_ERRORS as error:
            _event(message, EMAIL_FAILED, reason=type(error).__name__)
            logger.warning("email.reply.refused", extra={"message_id": message_id, "reason": type(error).__name__})
            return "refused"
        message.email_message_id = email.extra_headers["Message-ID"]
        message.emailed_at = timezone.now()
        message.save(update_fields=["email_message_id", "emailed_at"])
        _event(message, EMAILED)
    logger.info("email.reply.sent", extra={"message_id": message_id, "conversation_id": conversation.pk})
    return "sent"


def _check(message: Message | None) -> str:
    if message is None:
        return "gone"
    if message.emailed_at is not None:
        return "already_sent"
    customer = message.conversation.customer
    emailable = rules.can_email(channel=message.conversation.channel, kind=message.kind, customer_email=customer.email,
                                customer_redacted=customer.redacted_at is not None)
    if not emailable or message.redacted_at is not None or not message.shop.is_active:
        return "not_emailable"
    return ""


def reply_token(conversation: Conversation) -> str:
    """The conversation's reply token, created on first use (a concurrent first use keeps one)."""
    if conversation.email_token:
        return conversation.email_token
    token = secrets.token_hex(16)  # lower-case: some mail relays lower-case the local part
    Conversation.objects.filter(pk=conversation.pk, email_token__isnull=True).update(email_token=token)
    conversation.email_token = Conversation.objects.values_list("email_token", flat=True).get(pk=conversation.pk)
    return conversation.email_token


def compose_email(message: Message, conversation: Conversation, token: str) -> EmailMessage:
    shop_name = _one_line(message.shop.name or message.shop.handle)
    customer = conversation.customer
    headers = {"Message-ID": make_msgid(domain=settings.SUPPORT_EMAIL_DOMAIN)}
    if last_inbound := _last_inbound_id(conversation, before=message.pk):
        headers.update({"In-Reply-To": last_inbound, "References": last_inbound})
    body = message.body
    if files := list(message.attachments.order_by("pk").values_list("filename", flat=True)):
        body = f"{body}\n\n[Files in the chat: {', '.join(_one_line(name) for name in files)}]".strip()
    return EmailMessage(
        subject=f"Your conversation with {shop_name}",
        body=f"{body}\n\n-- \n{shop_name}\nReply to this email to continue the conversation.\n",
        from_email=formataddr((shop_name, parseaddr(settings.DEFAULT_FROM_EMAIL)[1])),
        to=[formataddr((_one_line(customer.name), customer.email))],
        reply_to=[rules.reply_address(token, settings.SUPPORT_EMAIL_DOMAIN)],
        headers=headers,
    )


def _last_inbound_id(conversation: Conversation, *, before: int) -> str:
    return (
        Message.objects.filter(conversation=conversation, kind=MessageKind.SHOPPER, pk__lt=before)
        .exclude(email_message_id="").order_by("-pk").values_list("email_message_id", flat=True).first()
    ) or ""


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


def _event(message: Message, kind: str, **data) -> None:
    TimelineEvent.objects.create(shop_id=message.shop_id, conversation_id=message.conversation_id, kind=kind,
                                 actor="system", data={"message_id": str(message.pk), **data})


def unsent_email_replies(now) -> list[int]:
    """Messages queued for email more than ``SWEEP_GRACE`` ago (within ``SWEEP_WINDOW``) that were
    neither sent nor refused: their task was lost. Walks recently active conversations only."""
    since = now - SWEEP_WINDOW
    events = TimelineEvent.objects.filter(
        conversation__last_activity_at__gte=since, created_at__gte=since, kind__in=[EMAIL_QUEUED, EMAIL_FAILED],
    ).values_list("kind", "data__message_id", "created_at")
    queued, failed = set(), set()
    for kind, message_id, created_at in events:
        if kind == EMAIL_FAILED:
            failed.add(int(message_id))
        elif created_at <= now - SWEEP_GRACE:
            queued.add(int(message_id))
    return list(
        Message.objects.filter(pk__in=queued - failed, emailed_at__isnull=True, redacted_at__isnull=True,
                               shop__is_active=True, conversation__customer__redacted_at__isnull=True)
        .exclude(conversation__customer__email="").order_by("pk").values_list("pk", flat=True)[:SWEEP_LIMIT]
    )

"""Writes of the email channel, inbound: a shopper's emailed answer threads back into its
conversation as a shopper message (through ``receive_customer_message``: card numbers masked, a
resolved conversation reopened, agents notified).

The conversation is found by the ``reply+<token>@SUPPORT_EMAIL_DOMAIN`` recipient (the token is the
credential), else by In-Reply-To/References naming a reply we emailed, from the shopper's own
address. Anything else is dropped with one log line and no personal data: the provider gets its
200 and does not retry. A redelivered email (same Message-ID in the shop) is stored once."""
import hashlib
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction

from support.actions import messages as message_actions
from support.models import Conversation, Message, MessageKind
from support.rules import email as rules

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class InboundEmail:
    """What the provider's webhook told us, as plain values."""

    recipients: list[str]
    sender: str
    message_id: str
    thread_ids: list[str] = field(default_factory=list)  # In-Reply-To, then References
    text: str = ""
    automatic: bool = False  # an out-of-office, bounce or list mail
    spam: bool = False


def receive_email_reply(email: InboundEmail) -> Message | None:
    conversation = _by_token(email.recipients) or _by_thread(email)
    if conversation is None:
        return _drop("unknown_recipient")
    if conversation.customer.redacted_at is not None:
        return _drop("shopper_redacted", conversation)
    if email.automatic or email.spam:
        return _drop("spam" if email.spam else "automatic", conversation)
    if email.message_id and (
        found := Message.objects.filter(shop_id=conversation.shop_id, email_message_id=email.message_id).first()
    ):
        logger.info("email.inbound.duplicate", extra={"conversation_id": conversation.pk, "message_id": found.pk})
        return found
    body = rules.strip_quoted(email.text)[:message_actions.MAX_BODY]
    try:
        message, created = message_actions.receive_customer_message(
            conversation, body=body, client_id=_client_id(email.message_id)
        )
    except message_actions.MessageRefused as refused:
        return _drop(refused.reason, conversation)
    if created and email.message_id:
        _remember_message_id(message, email.message_id)
    logger.info("email.inbound.received", extra={"conversation_id": conversation.pk, "message_id": message.pk})
    return message


def _by_token(recipients: list[str]) -> Conversation | None:
    for address in recipients:
        if token := rules.reply_token(address, settings.SUPPORT_EMAIL_DOMAIN):
            return Conversation.objects.select_related("customer").filter(email_token=token).first()
    return None


def _by_thread(email: InboundEmail) -> Conversation | None:
    """The conversation of a reply we emailed that this email answers, when it comes from that
    conversation's shopper and the thread names exactly one conversation."""
    if not email.thread_ids or not email.sender:
        return None
    conversation_ids = set(
        Message.objects.filter(email_message_id__in=email.thread_ids[:50], emailed_at__isnull=False,
                               kind__in=[MessageKind.AGENT, MessageKind.BOT]).values_list("conversation_id", flat=True)
    )
    if len(conversation_ids) != 1:
        return None
    conversation = Conversation.objects.select_related("customer").get(pk=conversation_ids.pop())
    return conversation if conversation.customer.email.lower() == email.sender.strip().lower() else None


def _client_id(message_id: str) -> str:
    """A redelivery of the same email carries the same client id (message ids can be long)."""
    return f"email:{hashlib.sha256(message_id.encode()).hexdigest()[:40]}" if message_id else ""


def _remember_message_id(message: Message, message_id: str) -> None:
    try:
        with transaction.atomic():
            Message.objects.filter(pk=message.pk).update(email_message_id=message_id[:255])
            message.email_message_id = message_id[:255]
    except IntegrityError:  # the same email reached another conversation of the shop first
        logger.info("email.inbound.message_id_taken", extra={"message_id": message.pk})


def _drop(reason: str, conversation: Conversation | None = None) -> None:
    logger.info("email.inbound.dropped",
                extra={"reason": reason, "conversation_id": conversation.pk if conversation else None})
    return None

"""Telling the shopper about their store credit: a bot message in the grant's conversation, in the
shopper's language, and an email when they are not watching the widget.

Exactly once: the message's client id is ``credit:<grant id>:issued`` (``...:feedback_ask``), so a
repeated call finds the message already there and writes nothing; the ledger entry (``notified``,
``feedback_asked``) is written in the same transaction as the message, so it exists once too.

Email: the help desk's email path (``actions/email.email_reply``) refuses a bot message on the chat
channel (``rules.email.can_email``), and its sweep would re-queue such a message forever, so a notice
is not queued through it. It goes out on the same terms as a person's reply (the email channel always;
chat only when no widget is open) through ``email_credit_notice_task``: ``email_notice`` sends it
under the message's row lock and sets ``emailed_at`` in the same transaction, composed by the email
path's own ``compose_email`` (same sender, subject, reply address and threading), so a retried or
duplicated task sends nothing twice. A broker that is down when the notice is stored loses the email
(logged), never the message."""
import logging

from django.db import transaction
from django.utils import timezone

from support import presence
from support.actions import email as email_actions
from support.actions.credit_issuance import gift_card_code
from support.actions.messages import send_bot_reply
from support.models import (
    CreditGrant,
    CreditInstrument,
    CreditLedgerEntry,
    GrantState,
    Message,
    MessageKind,
    TimelineEvent,
)
from support.rules import credit_text, texts
from support.rules import email as email_rules
from support.rules.credit_marker import shown_expiry
from support.selectors.locks import lock_message
from support.selectors.transit import shop_zone
from support.selectors.translation import shopper_language

logger = logging.getLogger(__name__)

NOTIFIED = "notified"
# Bot messages ``email_notice`` may email: credit notices, and the follow-ups' notices to the shopper
# (``actions/followup_kinds/shopper.py``: delivery check-in, delay notice, nudge).
EMAILED_NOTICES = ("credit:", "followup:")
FEEDBACK_ASKED = "feedback_asked"


def notify_credit_issued(grant: CreditGrant) -> str:
    """Tell the shopper their credit was issued (amount, expiry). Returns ``notified``,
    ``already_notified``, ``not_issued`` or ``no_conversation``."""
    if grant.state != GrantState.ISSUED:
        return _skip(grant, "not_issued")
    if grant.conversation_id is None:
        return _skip(grant, "no_conversation")
    conversation = grant.conversation
    language = _language(conversation)
    expires_at = shown_expiry(grant.expires_at)  # the far-future "no expiry" marker is not a date to tell
    expires_on = expires_at.astimezone(shop_zone(grant.shop)).date() if expires_at else None
    code = gift_card_code(grant) if grant.instrument == CreditInstrument.GIFT_CARD else ""
    key, body = credit_text.issued_text(instrument=grant.instrument, amount=grant.amount, currency=grant.currency,
                                        expires_on=expires_on, language=language, code=code)
    return _post(grant, key=key, body=body, suffix="issued", ledger_kind=NOTIFIED, language=language)


def ask_for_feedback(grant: CreditGrant) -> str:
    """Feedback first: ask the shopper to rate their order and say how it went (the credit is issued
    when the feedback arrives). Returns ``asked``, ``already_asked``, ``not_awaiting_feedback`` or
    ``no_conversation``."""
    if grant.state != GrantState.AWAITING_FEEDBACK:
        return _skip(grant, "not_awaiting_feedback")
    if grant.conversation_id is None:
        return _skip(grant, "no_conversation")
    language = _language(grant.conversation)
    key, body = credit_text.feedback_ask_text(order_name=grant.order.name, language=language)
    outcome = _post(grant, key=key, body=body, suffix="feedback_ask", ledger_kind=FEEDBACK_ASKED, language=language)
    return {"notified": "asked", "already_notified": "already_asked"}[outcome]


def _language(conversation) -> str:
    return texts.pick_language(shopper_language(conversation) or conversation.customer.locale)


def _skip(grant: CreditGrant, reason: str) -> str:
    logger.info("credit.notice.skipped", extra={"grant_id": grant.pk, "reason": reason})
    return reason


def _post(grant: CreditGrant, *, key: str, body: str, suffix: str, ledger_kind: str, language: str) -> str:
    """The message and its ledger entry in one transaction; the email queued after commit."""
    conversation = grant.conversation
    with transaction.atomic():
        message, created = send_bot_reply(conversation, body=body, key=key, client_id=f"credit:{grant.pk}:{suffix}")
        if not created:
            return "already_notified"
        emailed = wants_email(conversation)
        CreditLedgerEntry.objects.create(
            shop_id=grant.shop_id, grant=grant, kind=ledger_kind, actor="system",
            data={"message_id": str(message.pk), "key": key, "language": language, "email": emailed},
        )
        if emailed:
            transaction.on_commit(lambda: enqueue_notice_email(message.pk))
    logger.info("credit.notice.posted", extra={"grant_id": grant.pk, "key": key, "email": emailed})
    return "notified"


def wants_email(conversation) -> bool:
    """On the same terms as a person's reply: the email channel always, chat only with no widget open."""
    customer = conversation.customer
    online = conversation.channel != email_rules.EMAIL_CHANNEL and presence.shopper_online(conversation.pk)
    return email_rules.should_email(channel=conversation.channel, kind=MessageKind.AGENT, shopper_online=online,
                                    customer_email=customer.email, customer_redacted=customer.redacted_at is not None)


def enqueue_notice_email(message_id: int) -> None:
    from support.tasks import email_credit_notice_task  # tasks import the actions

    try:
        email_credit_notice_task.delay(message_id)
    except Exception:  # noqa: BLE001 - broker down: the notice stays in the chat, the email is lost
        logger.warning("credit.notice.email_enqueue_failed", extra={"message_id": message_id})


def email_notice(message_id: int) -> str:
    """Email one credit notice to its shopper, once. Returns ``sent``, ``already_sent``, ``gone``,
    ``not_emailable`` or ``refused`` (recorded on the timeline). Transient errors propagate (the
    task retries them)."""
    with transaction.atomic():
        message = lock_message(message_id)
        outcome = _check(message)
        if outcome:
            logger.info("credit.notice.email_skipped", extra={"message_id": message_id, "reason": outcome})
            return outcome
        conversation = message.conversation
        email = email_actions.compose_email(message, conversation, email_actions.reply_token(conversation))
        try:
            email.send()
        except email_actions.PERMANENT_ERRORS as error:
            _event(message, email_actions.EMAIL_FAILED, reason=type(error).__name__)
            logger.warning("credit.notice.email_refused",
                           extra={"message_id": message_id, "reason": type(error).__name__})
            return "refused"
        message.email_message_id = email.extra_headers["Message-ID"]
        message.emailed_at = timezone.now()
        message.save(update_fields=["email_message_id", "emailed_at"])
        _event(message, email_actions.EMAILED)
    logger.info("credit.notice.emailed", extra={"message_id": message_id})
    return "sent"


def _check(message: Message | None) -> str:
    if message is None:
        return "gone"
    if message.emailed_at is not None:
        return "already_sent"
    customer = message.conversation.customer
    if (message.kind != MessageKind.BOT or not message.client_id.startswith(EMAILED_NOTICES) or not customer.email
            or customer.redacted_at is not None or message.redacted_at is not None or not message.shop.is_active):
        return "not_emailable"
    return ""


def _event(message: Message, kind: str, **data) -> None:
    TimelineEvent.objects.create(shop_id=message.shop_id, conversation_id=message.conversation_id, kind=kind,
                                 actor="system", data={"message_id": str(message.pk), **data})

"""What the kinds that write to the shopper share: which conversation a notice goes to, its language,
and the post itself.

A notice is a bot message with the client id ``followup:<id>``: stored, broadcast and sent once, in
the follow-up's own transaction. It is emailed on the terms of a person's reply (the email channel
always, chat when no widget is open) through the credit notices' email path
(``actions/credit_notices.email_notice``: once, under the message's lock).

Where a notice goes (``notice_conversation``): the shopper's most recently active conversation when
the kind wants it (``active_first``); else their latest chat conversation (for a check-in only one
not rated yet: its links rate that conversation); else a new conversation on the email channel when
they have an email, created resolved (nothing for the agents to do; a reply reopens it); else
nowhere."""
from datetime import datetime

from django.db import transaction

from support.actions import credit_notices
from support.actions.messages import send_bot_reply
from support.models import Channel, Conversation, ConversationStatus, Customer, FollowUp, Order, TimelineEvent
from support.rules import texts
from support.selectors.translation import shopper_language

ACTIVE = (ConversationStatus.OPEN, ConversationStatus.PENDING, ConversationStatus.SNOOZED)


def active_conversation(customer: Customer) -> Conversation | None:
    return (Conversation.objects.filter(shop_id=customer.shop_id, customer=customer, status__in=ACTIVE)
            .order_by("-last_activity_at", "-pk").first())


def notice_conversation(customer: Customer, *, now: datetime, language: str, active_first: bool = False,
                        unrated: bool = False) -> Conversation | None:
    if active_first and (active := active_conversation(customer)) is not None:
        return active
    chat = (Conversation.objects.filter(shop_id=customer.shop_id, customer=customer, channel=Channel.CHAT)
            .order_by("-last_activity_at", "-pk").first())
    if chat is not None and not (unrated and chat.rated_at is not None):
        return chat
    if customer.email:
        return _email_conversation(customer, now=now, language=language)
    return None


def _email_conversation(customer: Customer, *, now: datetime, language: str) -> Conversation:
    conversation = Conversation.objects.create(
        shop_id=customer.shop_id, customer=customer, channel=Channel.EMAIL, status=ConversationStatus.RESOLVED,
        language=language, last_activity_at=now,
    )
    TimelineEvent.objects.create(shop_id=customer.shop_id, conversation=conversation, kind="conversation.started",
                                 actor="system", data={"channel": Channel.EMAIL, "by": "followup"})
    return conversation


def language_of(customer: Customer, order: Order | None = None, conversation: Conversation | None = None) -> str:
    """The shopper's language: what they write in, else their locale, else the order's."""
    spoken = shopper_language(conversation) if conversation is not None else ""
    return texts.pick_language(spoken or customer.locale or (order.customer_locale if order else ""))


def post_notice(followup: FollowUp, conversation: Conversation, *, key: str, body: str) -> bool:
    """The notice in ``conversation``; returns False when it was posted before (nothing done)."""
    message, created = send_bot_reply(conversation, body=body, key=key, client_id=f"followup:{followup.pk}")
    if created and credit_notices.wants_email(conversation):
        transaction.on_commit(lambda: credit_notices.enqueue_notice_email(message.pk))
    return created

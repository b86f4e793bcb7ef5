"""The bot's turn after a shopper's chat message: gather the facts, ``autoresponder.decide``, carry out
the plan.

Runs in ``auto_respond_task`` (after the shopper's message committed), never in the request. Every
reply is a ``bot`` message stored and broadcast like any other (``send_bot_reply``); a hand-off
raises the priority, records the reason on the timeline and tells the online agents. The bot only
says what the shop's own data supports: an order's status from the mirror, a confident FAQ answer,
the business hours; it never promises money (refunds and disputes go to a person)."""
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from support import realtime
from support.actions import sla as sla_actions
from support.actions.messages import send_bot_reply
from support.actions.translation import schedule_translation
from support.actions.wismo import order_answer
from support.models import Conversation, Message, MessageKind, SupportSettings, TimelineEvent
from support.rules import autoresponder, escalation, hours, hours_text, intents, language, texts
from support.rules.autoresponder import Turn
from support.rules.bot_text import TEXTS as BOT_TEXTS
from support.rules.faq import best_match
from support.selectors.customers import lifetime_value
from support.selectors.faq import faq_candidates
from support.selectors.hours import business_hours, schedule_for
from support.selectors.locks import lock_conversation
from support.selectors.reply_texts import reply_overrides

logger = logging.getLogger(__name__)

PRIORITY_ORDER = "ABC"  # A is the most urgent


@dataclass
class Facts:
    """What the bot knows about one shopper message, and the texts whose words depend on data."""

    turn: Turn
    language: str
    classification: intents.Classification
    texts: dict = field(default_factory=dict)  # reply key -> text (order answer, FAQ answer, hours)
    overrides: dict = field(default_factory=dict)  # the shop's wording: (key, language) -> text


def _order_lookup(message: Message, lang: str, overrides: dict):
    customer = message.conversation.customer
    name, email = intents.extract_order_reference(message.body)
    return order_answer(
        message.conversation.shop, customer_shopify_id=customer.shopify_id, order_name=name,
        # An anonymous shopper's pre-chat email is no more trusted than one typed in the message:
        # either way it must match the order's own.
        email=email or (customer.email if customer.shopify_id is None else None),
        postcode=intents.extract_postcode(message.body),
        client_key=f"visitor:{customer.visitor_id or customer.pk}", language=lang, overrides=overrides,
    )


def _faq_answer(message: Message, lang: str) -> str | None:
    candidates = faq_candidates(message.conversation.shop, lang)
    match = best_match(message.body, candidates, lang) if candidates else None
    return match.answer if match else None


def _read(message: Message) -> tuple[str, intents.Classification]:
    """The language to answer in and what the message asks: the detector's language when it is sure,
    else the conversation's (the browser's), or the one language whose patterns match."""
    detected = language.text_language(message.body)
    if detected:
        return detected, intents.classify(message.body, detected)
    conversation = message.conversation
    return intents.classify_unsure(message.body, conversation.language or conversation.customer.locale)


def gather(message: Message, *, now) -> Facts:
    conversation = message.conversation
    shop = conversation.shop
    lang, classification = _read(message)
    intent = classification.intent.value if classification.intent else None
    schedule, switches, overrides = schedule_for(shop), business_hours(shop), reply_overrides(shop)
    facts_texts, lookup, faq = {}, None, None
    if intent in autoresponder.ORDER_INTENTS:
        answer = _order_lookup(message, lang, overrides)
        lookup, facts_texts[autoresponder.WISMO_ANSWER] = answer.lookup, answer.text
    else:
        faq = _faq_answer(message, lang)
        facts_texts[autoresponder.FAQ_ANSWER] = faq
    earlier = Message.objects.filter(conversation=conversation, kind=MessageKind.SHOPPER, id__lt=message.pk)
    turn = Turn(
        first_message=not earlier.exists(),
        open_now=hours.is_open(schedule, now),
        intent=intent,
        hand_off_reason=escalation.hand_off_reason(classification, bot_failures=conversation.bot_failures),
        order_lookup=lookup,
        faq_matched=bool(faq),
        bot_failures=conversation.bot_failures,
        human_involved=conversation.handed_off_at is not None or conversation.first_response_at is not None,
        greeting_enabled=switches.greeting_enabled if switches else True,
        out_of_hours_enabled=switches.out_of_hours_enabled if switches else True,
        last_bot_key=conversation.last_bot_key or None,
    )
    facts_texts[autoresponder.GREETING] = hours_text.greeting_text(lang, shop.name or shop.domain, overrides)
    facts_texts[autoresponder.OUT_OF_HOURS] = hours_text.out_of_hours_text(
        schedule, now, lang, conversation.customer.time_zone or None, overrides)  # in the shopper's clock if known
    return Facts(turn=turn, language=lang, classification=classification, texts=facts_texts, overrides=overrides)


def _text(facts: Facts, key: str) -> str | None:
    if key in facts.texts:
        return facts.texts[key]
    return texts.text_for(BOT_TEXTS, key, facts.language, facts.overrides)


def respond(message_id: int) -> list[Message]:
    """The bot's turn for one shopper message; returns the bot messages it sent. Running it again for
    the same message sends nothing twice (each reply's client id names the message and the key)."""
    message = (Message.objects.select_related("conversation__shop", "conversation__customer")
               .filter(pk=message_id, kind=MessageKind.SHOPPER).first())
    if message is None:
        logger.info("autoresponses.message_gone", extra={"message_id": message_id})
        return []
    if message.conversation.channel != "chat" or message.redacted_at is not None:
        return []
    schedule_translation(message)  # for agents who read another language (nothing when the shop has it off)
    facts = gather(message, now=timezone.now())
    plan = autoresponder.decide(facts.turn)
    sent = []
    for key in plan.replies:
        body = _text(facts, key)
        if body:
            reply, created = send_bot_reply(message.conversation, body=body, key=key,
                                            client_id=f"bot:{message.pk}:{key}")
            if created:
                sent.append(reply)
    _record_outcome(message, facts, plan)
    logger.info("autoresponses.turn", extra={"message_id": message.pk, "intent": facts.turn.intent,
                                             "replies": list(plan.replies), "hand_off": plan.hand_off})
    return sent


def _priority(message: Message, facts: Facts) -> str:
    customer = message.conversation.customer
    threshold = (SupportSettings.objects.filter(shop_id=message.shop_id)
                 .values_list("high_value_threshold", flat=True).first())
    return escalation.priority_for(
        facts.classification, lifetime_value=lifetime_value(customer) if threshold else None,
        high_value_threshold=threshold,
    )


def _event(locked: Conversation, kind: str, event: str, data: dict) -> None:
    TimelineEvent.objects.create(shop_id=locked.shop_id, conversation=locked, kind=kind, actor="bot", data=data)
    payload = {"conversation_id": str(locked.pk), "change": kind, **data}
    transaction.on_commit(lambda: realtime.broadcast(event, payload, shop_id=locked.shop_id,
                                                     conversation_id=locked.pk))


def _record_outcome(message: Message, facts: Facts, plan: autoresponder.Plan) -> None:
    """Language, priority, failure count and hand-off, under the conversation's lock."""
    priority = _priority(message, facts)
    with transaction.atomic():
        locked: Conversation = lock_conversation(message.conversation_id)
        changed = ["bot_failures"]
        locked.bot_failures = locked.bot_failures + 1 if plan.bot_failed else 0
        if locked.bot_pending_message_id == message.pk:  # this turn is no longer owed (a newer one may be)
            locked.bot_pending_message_id = None
            changed.append("bot_pending_message_id")
        if not locked.language:
            locked.language = facts.language
            changed.append("language")
        if not locked.intent and facts.turn.intent:  # for reports: volume by intent
            locked.intent = facts.turn.intent
            changed.append("intent")
        if PRIORITY_ORDER.index(priority) < PRIORITY_ORDER.index(locked.priority):  # the bot only raises it
            _event(locked, "conversation.priority", realtime.CONVERSATION_UPDATED,
                   {"priority": priority, "previous": locked.priority, "message_id": str(message.pk)})
            previous, locked.priority = locked.priority, priority
            changed += ["priority", *sla_actions.on_priority_change(locked, previous=previous, now=timezone.now())]
        if plan.hand_off and locked.handed_off_at is None:
            locked.handed_off_at, locked.handoff_reason = timezone.now(), plan.hand_off
            changed += ["handed_off_at", "handoff_reason"]
            _event(locked, realtime.CONVERSATION_ESCALATED, realtime.CONVERSATION_ESCALATED,
                   {"reason": plan.hand_off, "priority": locked.priority, "message_id": str(message.pk)})
        locked.save(update_fields=changed)

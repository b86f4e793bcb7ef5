"""What the bot does with one shopper message: a pure decision over plain facts.

The action (``support/actions/autoresponses.py``) gathers the facts (language, intent, signals,
business hours, the order lookup, the FAQ match, what the bot said last) and carries out the plan:
the replies to send, in order, and whether to hand the conversation to a person.

The bot answers what it knows from the shop's own data (an order's status, a confident FAQ answer)
and hands everything else to a person. It never guesses and never promises money: refunds,
compensation and disputes always go to a person."""
from dataclasses import dataclass, field

# Reply keys: each is a text in a catalogue (``hours_text``, ``wismo``, ``BOT_TEXTS`` below) or an answer.
GREETING = "hours.greeting"
OUT_OF_HOURS = "hours.out_of_hours"
HANDOFF = "bot.handoff"
WISMO_ANSWER = "wismo.answer"
WISMO_ASK = "bot.order_details"
WISMO_NOT_FOUND = "bot.order_not_found"
WISMO_LIMITED = "bot.order_limited"
FAQ_ANSWER = "faq.answer"

ORDER_INTENTS = frozenset({"order_status", "delivery_time"})
MAX_BOT_FAILURES = 2


class OrderLookup:
    """What looking up the shopper's order gave."""

    FOUND = "found"
    NOT_FOUND = "not_found"  # a name and an email/postcode that match no order (or a wrong pair)
    NO_DETAILS = "no_details"  # not logged in and no order name + email/postcode given yet
    LIMITED = "limited"  # too many tries


@dataclass(frozen=True)
class Turn:
    first_message: bool
    open_now: bool
    intent: str | None = None
    hand_off_reason: str | None = None  # from ``escalation.hand_off_reason``
    order_lookup: str | None = None  # an ``OrderLookup`` value, for order intents
    faq_matched: bool = False
    bot_failures: int = 0  # consecutive messages the bot could not answer, before this one
    human_involved: bool = False  # handed off already, or an agent has replied
    greeting_enabled: bool = True
    out_of_hours_enabled: bool = True
    last_bot_key: str | None = None


@dataclass(frozen=True)
class Plan:
    replies: tuple[str, ...] = ()
    hand_off: str | None = None
    bot_failed: bool = False
    handled: bool = field(default=False)  # the bot answered the question itself


def _answer(turn: Turn) -> tuple[str | None, bool]:
    """The bot's own answer to the question, and whether it failed to give one."""
    if turn.intent in ORDER_INTENTS:
        return {
            OrderLookup.FOUND: (WISMO_ANSWER, False),
            OrderLookup.NO_DETAILS: (WISMO_ASK, False),
            OrderLookup.NOT_FOUND: (WISMO_NOT_FOUND, True),
            OrderLookup.LIMITED: (WISMO_LIMITED, True),
        }.get(turn.order_lookup, (None, True))
    if turn.faq_matched:
        return FAQ_ANSWER, False
    # Thanks needs no answer, and a first message with no question ("hi") is answered by the greeting.
    return None, turn.intent != "thanks" and not (turn.first_message and turn.intent is None)


def _person_needed(turn: Turn, replies: list[str], reason: str) -> Plan:
    """Hand to a person and say when one will answer."""
    replies.append(HANDOFF if turn.open_now or not turn.out_of_hours_enabled else OUT_OF_HOURS)
    return _plan(turn, replies, hand_off=reason)


def _plan(turn: Turn, replies: list[str], **kwargs) -> Plan:
    # Never the same automatic reply twice in a row (an answer may repeat: its content differs).
    kept, last = [], turn.last_bot_key
    for key in replies:
        if key != last or key in (WISMO_ANSWER, FAQ_ANSWER):
            kept.append(key)
            last = key
    return Plan(replies=tuple(kept), **kwargs)


def decide(turn: Turn) -> Plan:
    replies = [GREETING] if turn.first_message and turn.greeting_enabled else []
    if turn.human_involved:
        # A person has the conversation: the bot only says when the team is back.
        closed = not turn.open_now and turn.out_of_hours_enabled
        return _plan(turn, [OUT_OF_HOURS] if closed else [])
    if turn.hand_off_reason:
        return _person_needed(turn, replies, turn.hand_off_reason)
    answer, failed = _answer(turn)
    if failed and turn.bot_failures + 1 >= MAX_BOT_FAILURES:
        if answer:
            replies.append(answer)
        return _person_needed(turn, replies, "bot_failed_twice")
    if answer:
        replies.append(answer)
        return _plan(turn, replies, bot_failed=failed, handled=not failed)
    if turn.intent is not None and turn.intent != "thanks":
        # A question the bot recognises but cannot answer from the shop's data (returns, address
        # changes, damaged items, prices): a person answers it, and no guess is made.
        return _person_needed(turn, replies, "needs_person")
    if not turn.open_now and turn.out_of_hours_enabled and turn.intent != "thanks":
        replies.append(OUT_OF_HOURS)
    return _plan(turn, replies, bot_failed=failed)

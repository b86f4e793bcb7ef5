import pytest

from support.rules import autoresponder as bot
from support.rules.autoresponder import OrderLookup, Plan, Turn, decide
from support.rules.bot_text import TEXTS
from support.rules.texts import LANGUAGES


def test_first_message_in_hours_with_no_question_gets_the_greeting_only():
    assert decide(Turn(first_message=True, open_now=True)) == Plan(replies=(bot.GREETING,))


def test_a_later_message_the_bot_does_not_understand_is_a_failure_and_gets_no_reply_in_hours():
    assert decide(Turn(first_message=False, open_now=True)) == Plan(bot_failed=True)


def test_first_message_out_of_hours_gets_greeting_and_when_a_person_answers():
    plan = decide(Turn(first_message=True, open_now=False))
    assert plan.replies == (bot.GREETING, bot.OUT_OF_HOURS)


def test_greeting_and_out_of_hours_can_be_switched_off():
    plan = decide(Turn(first_message=True, open_now=False, greeting_enabled=False, out_of_hours_enabled=False))
    assert plan.replies == ()


@pytest.mark.parametrize(("lookup", "reply", "failed"), [
    (OrderLookup.FOUND, bot.WISMO_ANSWER, False),
    (OrderLookup.NO_DETAILS, bot.WISMO_ASK, False),
    (OrderLookup.NOT_FOUND, bot.WISMO_NOT_FOUND, True),
    (OrderLookup.LIMITED, bot.WISMO_LIMITED, True),
])
@pytest.mark.parametrize("intent", ["order_status", "delivery_time"])
def test_order_questions_are_answered_from_the_lookup(intent, lookup, reply, failed):
    plan = decide(Turn(first_message=False, open_now=True, intent=intent, order_lookup=lookup))
    assert plan == Plan(replies=(reply,), bot_failed=failed, handled=not failed)


def test_a_second_failure_hands_to_a_person():
    turn = Turn(first_message=False, open_now=True, intent="order_status", order_lookup=OrderLookup.NOT_FOUND,
                bot_failures=1)
    assert decide(turn) == Plan(replies=(bot.WISMO_NOT_FOUND, bot.HANDOFF), hand_off="bot_failed_twice")


def test_a_second_unanswered_message_out_of_hours_says_when_a_person_answers():
    plan = decide(Turn(first_message=False, open_now=False, bot_failures=1))
    assert plan == Plan(replies=(bot.OUT_OF_HOURS,), hand_off="bot_failed_twice")


@pytest.mark.parametrize("reason", ["asked_for_human", "angry", "legal", "money"])
def test_escalation_hands_off_at_once_without_answering(reason):
    plan = decide(Turn(first_message=False, open_now=True, intent="order_status", order_lookup=OrderLookup.FOUND,
                       hand_off_reason=reason))
    assert plan == Plan(replies=(bot.HANDOFF,), hand_off=reason)


def test_a_recognised_question_the_bot_cannot_answer_goes_to_a_person_without_a_guess():
    plan = decide(Turn(first_message=False, open_now=True, intent="returns"))
    assert plan == Plan(replies=(bot.HANDOFF,), hand_off="needs_person")


def test_a_confident_faq_match_answers():
    plan = decide(Turn(first_message=False, open_now=True, intent="shipping_info", faq_matched=True))
    assert plan == Plan(replies=(bot.FAQ_ANSWER,), handled=True)


def test_thanks_is_not_a_failure_and_gets_no_reply():
    assert decide(Turn(first_message=False, open_now=False, intent="thanks")) == Plan()


def test_once_a_person_has_the_conversation_the_bot_only_says_when_the_team_is_back():
    in_hours = Turn(first_message=False, open_now=True, intent="order_status", order_lookup=OrderLookup.FOUND,
                    human_involved=True)
    assert decide(in_hours) == Plan()
    closed = Turn(first_message=False, open_now=False, intent="returns", human_involved=True)
    assert decide(closed) == Plan(replies=(bot.OUT_OF_HOURS,))


def test_never_the_same_automatic_reply_twice_in_a_row():
    closed = Turn(first_message=False, open_now=False, last_bot_key=bot.OUT_OF_HOURS, human_involved=True)
    assert decide(closed).replies == ()
    asked = Turn(first_message=False, open_now=True, intent="returns", last_bot_key=bot.HANDOFF)
    assert decide(asked) == Plan(replies=(), hand_off="needs_person")


def test_answers_may_repeat_because_their_content_differs():
    turn = Turn(first_message=False, open_now=True, intent="order_status", order_lookup=OrderLookup.FOUND,
                last_bot_key=bot.WISMO_ANSWER)
    assert decide(turn).replies == (bot.WISMO_ANSWER,)


def test_every_bot_text_exists_in_every_language_and_promises_no_money():
    for key, variants in TEXTS.items():
        assert set(variants) == set(LANGUAGES), key
        for text in variants.values():
            assert text.strip() and "{" not in text
            assert "refund" not in text.lower()

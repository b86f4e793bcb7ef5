"""Record what an agent did after the guardrail warned about promises in a reply: sent it anyway,
edited it, or cancelled it. The conversation's timeline keeps the codes and the decision, never the
text."""
import logging
from collections.abc import Iterable

from shopapp.models import Agent
from shopapp.refusals import Refused
from support.models import Conversation, Message, TimelineEvent
from support.rules.promises import CODES, PromiseWarning, check_promises
from support.selectors.promises import promise_policy

logger = logging.getLogger(__name__)

PROMISE_WARNING = "reply.promise_warning"
DECISIONS = ("sent", "edited", "cancelled")


def record_promise_decision(conversation: Conversation, *, agent: Agent, warnings: Iterable[PromiseWarning],
                            decision: str, message: Message | None = None) -> TimelineEvent:
    codes = sorted({warning.code for warning in warnings})
    if decision not in DECISIONS:
        raise Refused("unknown_decision")
    if not codes or any(code not in CODES for code in codes):
        raise Refused("unknown_warning")
    if message is not None and message.conversation_id != conversation.pk:
        raise Refused("unknown_message")
    event = TimelineEvent.objects.create(
        shop_id=conversation.shop_id, conversation=conversation, kind=PROMISE_WARNING, actor="agent", agent=agent,
        data={"codes": codes, "decision": decision, "message_id": str(message.pk) if message else None},
    )
    logger.info("promises.decision.recorded", extra={"conversation_id": conversation.pk, "agent_id": agent.pk,
                                                     "codes": codes, "decision": decision})
    return event


class UnconfirmedPromises(Refused):
    """A reply promising what the shop's policy does not allow, sent without the agent's confirmation."""

    def __init__(self, warnings: list[PromiseWarning]):
        super().__init__("promise_warning")
        self.warnings = warnings


def guard_reply(conversation: Conversation, *, body: str, confirmed: bool) -> list[PromiseWarning]:
    """Check an agent's reply before it is sent. Unconfirmed warnings refuse the send (nothing is
    stored: the agent sees the warnings and decides); confirmed ones are returned, to be recorded
    with the message as the decision "sent"."""
    warnings = check_promises(body, promise_policy(conversation.shop))
    if warnings and not confirmed:
        raise UnconfirmedPromises(warnings)
    return warnings

"""A store-credit grant's steps on its conversation's timeline, told to the agents (and the open
conversation screen refreshes its credit card): requested, approved, rejected, issued, failed."""
from django.db import transaction

from shopapp.models import Agent
from support import realtime
from support.models import CreditGrant, TimelineEvent


def credit_timeline(grant: CreditGrant, kind: str, *, agent: Agent | None = None, data: dict | None = None) -> None:
    """The grant's step on its conversation's timeline (no note: the ledger has it), told to the agents."""
    if grant.conversation_id is None:
        return
    TimelineEvent.objects.create(
        shop_id=grant.shop_id, conversation_id=grant.conversation_id, kind=kind, actor="agent" if agent else "system",
        agent=agent, data={"grant_id": str(grant.pk), "amount": str(grant.amount), "currency": grant.currency,
                           "reason": grant.reason, **(data or {})},
    )
    payload = {"conversation_id": str(grant.conversation_id), "change": kind, "grant_id": str(grant.pk)}
    shop_id, conversation_id = grant.shop_id, grant.conversation_id
    transaction.on_commit(lambda: realtime.broadcast(realtime.CONVERSATION_UPDATED, payload, shop_id=shop_id,
                                                     conversation_id=conversation_id))

"""The follow-up kinds and their handlers: one table, ``kind -> Kind(handler, reaches_shopper)`` (see
``support/actions/followups.py`` for the contract). Each handler runs inside the follow-up's
transaction; whatever it sends to the shopper carries a client id derived from the follow-up, so it
is sent once. A kind that ``reaches_shopper`` waits out the shopper's quiet hours."""
from collections.abc import Callable
from dataclasses import dataclass

from support.actions import sla, sla_escalation
from support.actions.followup_kinds import (
    awaiting,
    delay_notice,
    delivery_checkin,
    dispute_reminder,
    send_later,
    snooze_wake,
)


@dataclass(frozen=True)
class Kind:
    handler: Callable
    reaches_shopper: bool


HANDLERS: dict[str, Kind] = {
    delivery_checkin.KIND: Kind(delivery_checkin.handle, reaches_shopper=True),
    delay_notice.KIND: Kind(delay_notice.handle, reaches_shopper=True),
    awaiting.NUDGE: Kind(awaiting.handle_nudge, reaches_shopper=True),
    awaiting.RESOLVE: Kind(awaiting.handle_resolve, reaches_shopper=False),
    snooze_wake.KIND: Kind(snooze_wake.handle, reaches_shopper=False),
    send_later.KIND: Kind(send_later.handle, reaches_shopper=True),
    dispute_reminder.KIND: Kind(dispute_reminder.handle, reaches_shopper=False),
    sla.WARNING: Kind(sla_escalation.warn, reaches_shopper=False),
    sla.BREACH: Kind(sla_escalation.breach, reaches_shopper=False),
    sla.ESCALATE: Kind(sla_escalation.escalate, reaches_shopper=False),
}

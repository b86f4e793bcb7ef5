"""Shared by the follow-up kinds' tests: a controlled clock (daytime on the shopper's clock, so the
quiet hours do not hold a notice back) and a run as the sweep would start it."""
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from support.actions.followups import run_followup
from support.models import FollowUp, FollowUpStatus, Message

TORONTO = ZoneInfo("America/Toronto")  # the factories' shoppers live in Ontario


def noon_after(moment: datetime) -> datetime:
    """The first 12:00 on a Toronto clock at or after ``moment``."""
    local = moment.astimezone(TORONTO)
    day = local.date() if local.time() <= time(12) else local.date() + timedelta(days=1)
    return datetime.combine(day, time(12), TORONTO)


def run(followup: FollowUp, now: datetime) -> str:
    """Mark the row queued (what the sweep does), then run it with the clock at ``now``."""
    FollowUp.objects.filter(pk=followup.pk).update(status=FollowUpStatus.QUEUED, queued_at=now)
    return run_followup(followup.pk, now=now)


def state(followup: FollowUp) -> tuple[str, str]:
    followup.refresh_from_db()
    return followup.status, followup.outcome


def bot_messages(conversation) -> list[tuple[str, str]]:
    return list(Message.objects.filter(conversation=conversation, kind="bot").order_by("pk")
                .values_list("client_id", "body"))

"""Reads of an agent's scheduled replies (``actions/followup_kinds/send_later``): those of one
conversation still waiting to go, and one of them by id (404 for any other conversation's or shop's)."""
from django.db.models import QuerySet
from django.http import Http404

from support.models import Conversation, FollowUp, FollowUpStatus

KIND = "send_later"
WAITING = (FollowUpStatus.SCHEDULED, FollowUpStatus.QUEUED)


def scheduled_replies(conversation: Conversation) -> QuerySet:
    return (FollowUp.objects.filter(shop_id=conversation.shop_id, conversation=conversation, kind=KIND,
                                    status__in=WAITING).order_by("due_at", "pk"))


def access_scheduled_reply(conversation: Conversation, followup_id) -> FollowUp:
    try:
        return FollowUp.objects.get(shop_id=conversation.shop_id, conversation=conversation, kind=KIND,
                                    pk=int(followup_id))
    except (FollowUp.DoesNotExist, ValueError, TypeError):
        raise Http404("no such scheduled reply") from None

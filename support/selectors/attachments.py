"""Reads of chat attachments, scoped by shop and by side: an agent sees the attachments of their
shop's messages and the agents' own unsent uploads; a shopper sees the attachments of their own
conversations' messages except internal notes, and their own unsent uploads. Anything else is a 404."""
from django.db.models import Q
from django.http import Http404

from shopapp.models import Agent, Shop
from support.models import Attachment, Customer, MessageKind

SHOPPER_VISIBLE_KINDS = [kind for kind in MessageKind.values if kind != MessageKind.NOTE]


def _get(queryset, attachment_id) -> Attachment:
    try:
        return queryset.get(pk=int(attachment_id))
    except (Attachment.DoesNotExist, ValueError, TypeError):
        raise Http404("no such attachment") from None


def agent_attachment(agent: Agent, attachment_id) -> Attachment:
    queryset = Attachment.objects.filter(shop_id=agent.shop_id).filter(
        Q(message__isnull=False) | Q(uploaded_by="agent")
    )
    return _get(queryset, attachment_id)


def shopper_attachment(shop: Shop, customer: Customer | None, attachment_id) -> Attachment:
    if customer is None:
        raise Http404("no such attachment")
    queryset = Attachment.objects.filter(shop=shop, conversation__customer=customer).filter(
        Q(message__kind__in=SHOPPER_VISIBLE_KINDS) | Q(message__isnull=True, uploaded_by="shopper")
    )
    return _get(queryset, attachment_id)

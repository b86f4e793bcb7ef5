"""Reads of conversations, always scoped by the agent's shop: another shop's row is a 404.
The inbox page costs a constant number of queries whatever its size."""
import base64
import binascii
import re
from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404

from shopapp.models import Agent
from support.models import Attachment, Conversation, ConversationTag, Customer, Message, MessageKind, Order

PAGE_MAX = 100


def access_conversation(agent: Agent, conversation_id, *, lock: bool = False) -> Conversation:
    queryset = Conversation.objects.filter(shop_id=agent.shop_id)
    if lock:
        queryset = queryset.select_for_update()
    try:
        return queryset.get(pk=int(conversation_id))
    except (Conversation.DoesNotExist, ValueError, TypeError):
        raise Http404("no such conversation") from None


@dataclass(frozen=True)
class InboxFilters:
    status: str | None = None
    assignee: str | None = None  # "me", "unassigned", "anyone" or an agent id
    channel: str | None = None
    priority: str | None = None
    tag: str | None = None
    q: str | None = None
    waiting: bool | None = None


def encode_cursor(conversation: Conversation) -> str:
    raw = f"{conversation.last_activity_at.isoformat()}|{conversation.pk}"
    return base64.urlsafe_b64encode(raw.encode()).decode()


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    """Pure: the (last activity, id) a page continues after; ValueError for a forged cursor."""
    try:
        moment, pk = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return datetime.fromisoformat(moment), int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise ValueError("invalid cursor") from error


def _filtered(agent: Agent, filters: InboxFilters) -> QuerySet:
    """The conversations of the filters but the search (``_searched`` reads its page from these)."""
    queryset = Conversation.objects.filter(shop_id=agent.shop_id)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.channel:
        queryset = queryset.filter(channel=filters.channel)
    if filters.priority:
        queryset = queryset.filter(priority=filters.priority)
    if filters.assignee == "me":
        queryset = queryset.filter(assignee=agent)
    elif filters.assignee == "unassigned":
        queryset = queryset.filter(assignee__isnull=True)
    elif filters.assignee and filters.assignee != "anyone":
        queryset = queryset.filter(assignee_id=int(filters.assignee))
    if filters.tag:
        tagged = ConversationTag.objects.filter(conversation=OuterRef("pk"), name=filters.tag)
        queryset = queryset.filter(Exists(tagged))
    if filters.waiting is not None:
        queryset = queryset.filter(waiting_since__isnull=not filters.waiting)
    return queryset


EXACT_TERM = re.compile(r"^#?\d{1,19}$|@")  # an order name or number, an e-mail address
NEWEST_FIRST = ("-last_activity_at", "-pk")


def _searched(queryset: QuerySet, agent: Agent, text: str, size: int) -> QuerySet:
    """The first ``size`` conversations of ``queryset`` (filters and cursor applied, newest activity
    first) whose customer's first or last name contains the text or whose e-mail is it, whose
    customer has an order of that name, or with a message containing it (any message, however old).
    Every part starts from an index (trigram and expression indexes, migration 0005).

    Each part reads its own page, in page order (``ORDER BY ... LIMIT size``), and the page is the
    newest ``size`` of their union (one statement: ``id IN ((part) UNION (part) ...)``), so every
    part is planned on its own:

    - Message text: the conversations with an ``EXISTS`` over their messages. PostgreSQL chooses by
      its estimate of the text's frequency (statistics of the indexed ``UPPER(body)``): a common word
      ("refund") walks the newest conversations and probes each one's messages, which stops after a
      page's worth; a rare one reads the few matching messages from the trigram index and sorts their
      conversations.
    - An order number or an e-mail matches few customers: their conversations are read by customer.
    - A name usually matches many: the newest conversations are walked, keeping those whose customer
      is in the (hashed) set of matching customers or buyers; skipped at once when nobody matches,
      so a word that is no one's name does not walk the whole shop.

    SQLite (``make dev``) has no LIMIT inside a UNION: there the parts are ``OR``ed ``IN`` subqueries."""
    text = text.strip()[:100]
    shop_id = agent.shop_id
    customers = Customer.objects.filter(
        Q(first_name__icontains=text) | Q(last_name__icontains=text) | Q(email__iexact=text), shop_id=shop_id
    ).values("pk")
    buyers = Order.objects.filter(shop_id=shop_id, name__iexact=text, customer__isnull=False).values("customer_id")
    written = Message.objects.filter(conversation=OuterRef("pk"), shop_id=shop_id, body__icontains=text)
    parts = [queryset.filter(Exists(written))]
    if EXACT_TERM.search(text):
        parts += [queryset.filter(customer_id__in=customers), queryset.filter(customer_id__in=buyers)]
    else:
        parts.append(queryset.filter(Exists(customers) | Exists(buyers),
                                     Q(customer_id__in=customers) | Q(customer_id__in=buyers)))
    pages = [part.order_by(*NEWEST_FIRST).values("pk")[:size] for part in parts]
    if connection.features.supports_slicing_ordering_in_compound:
        matched = Q(pk__in=pages[0].union(*pages[1:]))
    else:
        matched = Q()
        for page in pages:
            matched |= Q(pk__in=page)
    return Conversation.objects.filter(matched, shop_id=shop_id)


def inbox(agent: Agent, filters: InboxFilters, *, cursor: str | None = None, limit: int = 25):
    """(conversations of the page, cursor of the next page or None). Newest activity first."""
    limit = max(1, min(int(limit), PAGE_MAX))
    queryset = _filtered(agent, filters)
    if cursor:
        moment, pk = decode_cursor(cursor)
        queryset = queryset.filter(Q(last_activity_at__lt=moment) | Q(last_activity_at=moment, pk__lt=pk))
    if filters.q:
        queryset = _searched(queryset, agent, filters.q, limit + 1)
    last_message = Message.objects.filter(conversation=OuterRef("pk")).exclude(kind=MessageKind.NOTE).order_by("-pk")
    rows = list(
        queryset.select_related("customer", "assignee")
        .prefetch_related(Prefetch("tags", queryset=ConversationTag.objects.order_by("name")))
        .annotate(last_message_body=Subquery(last_message.values("body")[:1]),
                  last_message_kind=Subquery(last_message.values("kind")[:1]),
                  last_message_id=Subquery(last_message.values("pk")[:1]))
        .order_by(*NEWEST_FIRST)[: limit + 1]
    )
    next_cursor = encode_cursor(rows[limit - 1]) if len(rows) > limit else None
    return rows[:limit], next_cursor


def messages_after(conversation: Conversation, *, after_id: int | None, limit: int = 100, include_notes: bool):
    """Messages with an id above ``after_id`` (a reconnecting client's resync), oldest first, with
    their attachments (one query for the page)."""
    queryset = conversation.messages.select_related("agent").order_by("pk").prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("pk"))
    )
    if after_id:
        queryset = queryset.filter(pk__gt=after_id)
    if not include_notes:
        queryset = queryset.exclude(kind=MessageKind.NOTE)
    return list(queryset[: max(1, min(limit, 200))])

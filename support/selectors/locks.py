"""The one place for row locks before read-modify-write (``select_for_update``), ordered by pk, and for
advisory locks."""
from contextlib import contextmanager

from django.db import DatabaseError, connection

from support.models import Conversation, CreditGrant, Customer, Message


def lock_conversation(conversation_id: int) -> Conversation:
    return Conversation.objects.select_for_update().get(pk=conversation_id)


def lock_conversations(conversation_ids) -> list[Conversation]:
    return list(Conversation.objects.select_for_update().filter(pk__in=conversation_ids).order_by("pk"))


def lock_message(message_id: int) -> Message | None:
    """The message row locked (its conversation, customer and shop read along, not locked)."""
    return (
        Message.objects.select_for_update(of=("self",))
        .select_related("conversation__customer", "shop").filter(pk=message_id).first()
    )


def hold_conversation(conversation_id: int) -> Conversation:
    """``FOR NO KEY UPDATE``: waits for a change in progress (a rating) and keeps the row as read until
    commit; it does not block inserts that reference the conversation."""
    return Conversation.objects.select_for_update(no_key=True).get(pk=conversation_id)


def lock_customer(customer_id: int) -> Customer:
    """Store credit: requests and decisions for one customer take this lock first (then the grant's),
    so their policy checks see each other's grants."""
    return Customer.objects.select_for_update().get(pk=customer_id)


def lock_grant(grant_id: int) -> CreditGrant | None:
    return CreditGrant.objects.select_for_update(of=("self",)).select_related("shop").filter(pk=grant_id).first()


def lock_grants(grant_ids) -> list[CreditGrant]:
    return list(CreditGrant.objects.select_for_update().filter(pk__in=grant_ids).order_by("pk"))


# A credit grant's issuing lock: a PostgreSQL advisory lock on (this namespace, grant id), held by the
# worker that calls Shopify for the grant. Other databases (the SQLite development default) have none:
# there the grant's state machine alone keeps two workers apart.
_ISSUING_LOCK_SPACE = 0x43524544  # "CRED"


def _issuing_key(grant_id: int) -> int:
    return (_ISSUING_LOCK_SPACE << 32) | (int(grant_id) & 0xFFFFFFFF)


@contextmanager
def issuing_lock(grant_id: int):
    """Session-level ``pg_try_advisory_lock`` on the grant: yields whether it was acquired, and releases
    it on exit (a dead worker's session releases it too). Held across transactions, never waited for."""
    if connection.vendor != "postgresql":
        yield True
        return
    key = _issuing_key(grant_id)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
            except DatabaseError:  # the connection is gone, and its locks with it
                pass


def try_issuing_xact_lock(grant_id: int) -> bool:
    """Whether nobody holds the grant's issuing lock: takes it until the current transaction ends."""
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [_issuing_key(grant_id)])
        return cursor.fetchone()[0]

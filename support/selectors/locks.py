"""The one place for row locks before read-modify-write (``select_for_update``), ordered by pk, and for
advisory locks."""
from contextlib import contextmanager
from functools import cache

from django.db import DatabaseError, connection
from django.db.transaction import TransactionManagementError

from support.models import Conversation, CreditGrant, Customer, Message


def lock_conversation(conversation_id: int) -> Conversation:
    """The conversation row, locked until the transaction ends (every message, status change and
    follow-up on a conversation takes this lock first)."""
    return _lock_by_pk(Conversation, conversation_id)


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
    return _lock_by_pk(Customer, customer_id)


def _lock_by_pk(model, pk):
    """``model.objects.select_for_update().get(pk=pk)`` in one plain statement on PostgreSQL: the ORM
    builds the same query on every call, which cost three times the CPU of running it (0.56 against
    0.15-0.2 ms for a conversation). The row becomes the model through ``from_db`` after the fields'
    database converters, as the ORM would do. Other databases (SQLite in ``make dev``) take the ORM
    path, which there ignores the lock, as before."""
    if connection.vendor != "postgresql":
        return model.objects.select_for_update().get(pk=pk)
    if connection.get_autocommit():  # as the ORM refuses: a lock outside a transaction ends at once
        raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
    sql, attnames, converters = _row_lock(model)
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    if row is None:
        raise model.DoesNotExist(f"{model._meta.object_name} matching query does not exist.")
    values = list(row)
    for index, convert, expression in converters:
        values[index] = convert(values[index], expression, connection)
    return model.from_db(connection.alias, attnames, values)


@cache
def _row_lock(model):
    """The statement, the attribute names in its column order, and ``(index, converter, column)`` for
    each field value that needs converting (none, for the models locked here today)."""
    fields = model._meta.concrete_fields
    table = model._meta.db_table
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    converters = []
    for index, field in enumerate(fields):
        column = field.get_col(table)
        for convert in connection.ops.get_db_converters(column) + field.get_db_converters(connection):
            converters.append((index, convert, column))
    sql = f"SELECT {columns} FROM {connection.ops.quote_name(table)} WHERE {connection.ops.quote_name(model._meta.pk.column)} = %s FOR UPDATE"  # noqa: S608,E501
    return sql, [field.attname for field in fields], converters


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

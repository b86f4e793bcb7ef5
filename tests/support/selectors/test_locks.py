"""Row locks taken with one plain statement: the same model as the ORM's read, really locked, and
refused where the ORM refuses."""
import psycopg
import pytest
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError

from support.models import Conversation, Customer
from support.selectors.locks import lock_conversation, lock_customer
from tests.factories import ConversationFactory, CustomerFactory

pytestmark = pytest.mark.django_db


def fields(row) -> dict:
    return {field.attname: getattr(row, field.attname) for field in type(row)._meta.concrete_fields}


@pytest.mark.parametrize("lock, factory", [(lock_conversation, ConversationFactory), (lock_customer, CustomerFactory)])
def test_the_locked_row_is_the_model_the_orm_reads(lock, factory):
    row = factory()
    with transaction.atomic():
        locked = lock(row.pk)
    assert fields(locked) == fields(type(row).objects.get(pk=row.pk))
    assert (locked._state.adding, locked._state.db) == (False, "default")


def test_a_customers_json_tags_come_back_as_a_list():
    customer = CustomerFactory(tags=["vip", "wholesale"])
    with transaction.atomic():
        assert lock_customer(customer.pk).tags == ["vip", "wholesale"]


@pytest.mark.parametrize("lock, model", [(lock_conversation, Conversation), (lock_customer, Customer)])
def test_a_missing_row_is_does_not_exist(lock, model):
    with transaction.atomic(), pytest.raises(model.DoesNotExist):
        lock(987654321)


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_lock_is_refused_and_nothing_is_read(django_assert_num_queries):
    conversation = ConversationFactory()
    with django_assert_num_queries(0), pytest.raises(TransactionManagementError):
        lock_conversation(conversation.pk)


@pytest.mark.django_db(transaction=True)
def test_the_row_stays_locked_until_the_transaction_ends():
    conversation = ConversationFactory()
    dsn = connection.get_connection_params()
    with psycopg.connect(**{key: value for key, value in dsn.items() if key != "cursor_factory"},
                         autocommit=True) as other:
        nowait = "SELECT id FROM support_conversation WHERE id = %s FOR UPDATE NOWAIT"
        with transaction.atomic():
            lock_conversation(conversation.pk)
            with pytest.raises(psycopg.errors.LockNotAvailable):
                other.execute(nowait, [conversation.pk])
        assert other.execute(nowait, [conversation.pk]).fetchone() == (conversation.pk,)

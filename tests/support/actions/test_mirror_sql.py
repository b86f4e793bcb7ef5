"""The mirror's one-statement writes (``mirror_sql``): the same mirror as the ORM path, the locks they
leave (an order held back stays locked, a customer held back does not), unknown fields refused."""
import threading

import pytest
from django.db import connection, transaction

from support.actions import mirror, mirror_sql
from support.models import Customer, Order
from support.payloads import Record, order_from_webhook
from tests.factories import ShopFactory
from tests.support.actions.test_mirror import BASE, apply, at, snapshot, story


@pytest.mark.django_db
def test_the_sql_path_and_the_orm_path_give_the_same_mirror(monkeypatch):
    with_sql, with_orm = ShopFactory(), ShopFactory()
    for topic, payload in [*story(), *reversed(story())]:
        apply(with_sql, topic, payload)
    monkeypatch.setattr(mirror_sql, "enabled", lambda: False)  # the path other databases take
    for topic, payload in [*story(), *reversed(story())]:
        apply(with_orm, topic, payload)
    assert snapshot(with_sql) == snapshot(with_orm)


def locked_elsewhere(model, **lookup) -> bool:
    """Whether another connection finds the row locked (``SKIP LOCKED`` passes over it)."""
    result = {}

    def look():
        try:
            with transaction.atomic():
                result["free"] = model.objects.select_for_update(skip_locked=True).filter(**lookup).exists()
        finally:
            connection.close()

    thread = threading.Thread(target=look)
    thread.start()
    thread.join(timeout=10)
    return not result["free"]


@pytest.mark.django_db(transaction=True)
def test_an_order_held_back_stays_locked_and_a_customer_held_back_does_not():
    shop = ShopFactory()
    newer = {**BASE, "updated_at": at(5), "fulfillments": [], "customer": {**BASE["customer"], "updated_at": at(5)}}
    mirror.apply_order(shop, order_from_webhook(newer))
    older = {**newer, "updated_at": at(1), "financial_status": "refunded",
             "customer": {**newer["customer"], "updated_at": at(1), "first_name": "Old"}}

    with transaction.atomic():
        row = mirror.apply_order(shop, order_from_webhook(older))
        assert locked_elsewhere(Order, pk=row.pk)  # as ``select_for_update`` left it, for the caller
        assert not locked_elsewhere(Customer, pk=row.customer_id)  # shared by orders: locked only to write

    order = Order.objects.select_related("customer").get(shop=shop)
    assert (order.financial_status, order.customer.first_name) == (BASE["financial_status"],
                                                                   BASE["customer"]["first_name"])


@pytest.mark.django_db
def test_a_field_the_model_lacks_is_refused_and_nothing_is_written():
    shop = ShopFactory()
    with pytest.raises(TypeError, match="no_such_field"), transaction.atomic():
        mirror.apply_customer(shop, Record(shopify_id=9100000000100001, updated_at=None,
                                           fields={"no_such_field": 1}))
    assert not Customer.objects.filter(shop=shop).exists()

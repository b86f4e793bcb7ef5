"""Template values from the mirror: what is known is there, what is not is absent (never "")."""
from datetime import timedelta

import pytest
from django.utils import timezone

from support.rules.templates import DateWindow
from support.selectors.template_context import template_values
from support.selectors.wismo import delivery_window
from tests.factories import AgentFactory, ConversationFactory, FulfillmentFactory, OrderFactory

pytestmark = pytest.mark.django_db


def test_values_come_from_the_latest_order_and_its_newest_tracked_parcel():
    agent = AgentFactory(name="Sam", shop__name="Tea Co")
    conversation = ConversationFactory(shop=agent.shop, customer__first_name="Jana")
    OrderFactory(shop=agent.shop, customer=conversation.customer, name="#1001",
                 shopify_created_at=timezone.now() - timedelta(days=9))
    latest = OrderFactory(shop=agent.shop, customer=conversation.customer, name="#1002", fulfillment_status="partial")
    FulfillmentFactory(order=latest, shopify_created_at=timezone.now() - timedelta(days=2),
                       tracking=[{"company": "DHL", "number": "JD1", "url": "https://dhl.example/JD1"}])
    FulfillmentFactory(order=latest, shopify_created_at=timezone.now(), tracking=[])
    OrderFactory(shop=agent.shop, name="#2000")  # another shopper's newer order

    window = delivery_window(latest)  # the ETA engine's window of the parcels on their way (see test_wismo)
    assert window is not None
    assert template_values(conversation, agent) == {
        "customer.first_name": "Jana", "agent.name": "Sam", "shop.name": "Tea Co", "order.name": "#1002",
        "order.status": "partially_shipped", "tracking.number": "JD1", "tracking.carrier": "DHL",
        "tracking.url": "https://dhl.example/JD1", "order.eta_window": DateWindow(window.earliest, window.latest),
    }


def test_unknown_values_are_absent():
    agent = AgentFactory(name="", shop__name="")
    conversation = ConversationFactory(shop=agent.shop, customer__first_name="")
    order = OrderFactory(shop=agent.shop, customer=conversation.customer, name="#1003", financial_status="paid",
                         fulfillment_status="")
    FulfillmentFactory(order=order, tracking=[{"company": "", "number": "", "url": ""}], shipment_status="delivered",
                       delivered_at=timezone.now())

    assert template_values(conversation, agent) == {"order.name": "#1003", "order.status": "delivered"}


def test_a_redacted_shopper_has_no_order_values():
    agent = AgentFactory()
    conversation = ConversationFactory(shop=agent.shop, customer__redacted_at=timezone.now())
    OrderFactory(shop=agent.shop, customer=conversation.customer)
    assert set(template_values(conversation, agent)) == {"customer.first_name", "agent.name", "shop.name"}

"""The merchant's view of failed webhook deliveries, and replay."""
import pytest

from tests.factories import ShopTokenFactory, WebhookDeliveryFactory
from webhooks.models import DeliveryStatus, WebhookDelivery

SHOP = "shop-a.myshopify.com"


@pytest.fixture
def owner_and_agent(client, session_token):
    ShopTokenFactory(shop__domain=SHOP)
    owner = session_token(SHOP, "1")
    agent = session_token(SHOP, "2")
    assert client.get("/api/admin/me", HTTP_AUTHORIZATION=f"Bearer {owner}").json()["agent"]["role"] == "owner"
    assert client.get("/api/admin/me", HTTP_AUTHORIZATION=f"Bearer {agent}").json()["agent"]["role"] == "agent"
    return owner, agent


@pytest.mark.django_db
def test_owner_lists_failed_deliveries_of_their_shop_only(client, owner_and_agent):
    owner, _ = owner_and_agent
    failed = WebhookDeliveryFactory(shop_domain=SHOP, topic="orders/updated", status=DeliveryStatus.FAILED,
                                    last_error="PayloadError: order has no id")
    WebhookDeliveryFactory(shop_domain=SHOP, status=DeliveryStatus.PROCESSED)
    WebhookDeliveryFactory(shop_domain="shop-b.myshopify.com", status=DeliveryStatus.FAILED)

    response = client.get("/api/admin/webhooks/failed", HTTP_AUTHORIZATION=f"Bearer {owner}")

    assert response.status_code == 200
    assert [(row["id"], row["topic"], row["last_error"]) for row in response.json()] == [
        (str(failed.pk), "orders/updated", "PayloadError: order has no id")
    ]


@pytest.mark.django_db
def test_agent_may_not_see_or_replay(client, owner_and_agent, django_capture_on_commit_callbacks):
    _, agent = owner_and_agent
    failed = WebhookDeliveryFactory(shop_domain=SHOP, status=DeliveryStatus.FAILED, last_error="x")
    assert client.get("/api/admin/webhooks/failed", HTTP_AUTHORIZATION=f"Bearer {agent}").status_code == 403
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(f"/api/admin/webhooks/{failed.pk}/replay", HTTP_AUTHORIZATION=f"Bearer {agent}")
    assert response.status_code == 403
    assert callbacks == []
    assert WebhookDelivery.objects.get(pk=failed.pk).status == DeliveryStatus.FAILED


@pytest.mark.django_db
def test_replay_requeues_a_failed_delivery(client, owner_and_agent, django_capture_on_commit_callbacks):
    owner, _ = owner_and_agent
    failed = WebhookDeliveryFactory(shop_domain=SHOP, status=DeliveryStatus.FAILED, last_error="boom")
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(f"/api/admin/webhooks/{failed.pk}/replay", HTTP_AUTHORIZATION=f"Bearer {owner}")
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["last_error"]) == ("received", "")
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_replay_refuses_other_shops_and_non_failed(client, owner_and_agent, django_capture_on_commit_callbacks):
    owner, _ = owner_and_agent
    other = WebhookDeliveryFactory(shop_domain="shop-b.myshopify.com", status=DeliveryStatus.FAILED)
    done = WebhookDeliveryFactory(shop_domain=SHOP, status=DeliveryStatus.PROCESSED)
    with django_capture_on_commit_callbacks() as callbacks:
        assert client.post(f"/api/admin/webhooks/{other.pk}/replay",
                           HTTP_AUTHORIZATION=f"Bearer {owner}").status_code == 404
        assert client.post(f"/api/admin/webhooks/{done.pk}/replay",
                           HTTP_AUTHORIZATION=f"Bearer {owner}").status_code == 409
    assert callbacks == []
    assert WebhookDelivery.objects.get(pk=other.pk).status == DeliveryStatus.FAILED

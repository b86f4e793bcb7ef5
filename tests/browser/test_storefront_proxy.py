"""The dev store's app proxy in front of the real app (no browser needed): the widget API answers
requests signed by the dev store, for a shopper logged in on the demo storefront and for an
anonymous visitor (whose visitor token travels in X-Visitor-Token)."""
import httpx


def test_logged_in_shopper_reaches_the_widget_api_through_the_proxy(stack, installed, delivered_order,
                                                                      agents_online):
    from support.models import Conversation

    with httpx.Client(timeout=30) as shopper:
        login = shopper.get(stack.storefront("/account/login"), params={"customer_id": delivered_order.customer_id})
        assert login.status_code == 303

        started = shopper.post(stack.storefront("/apps/support/api/widget/conversations"),
                               json={"locale": delivered_order.locale})
        assert started.status_code == 201, started.text
        body = started.json()
        assert body["visitor_token"] is None  # the signed logged_in_customer_id names the shopper
        assert body["agents_online"] is True
        assert body["socket_url"] == stack.web.replace("http://", "ws://") + "/ws/widget/"
        conversation_id = body["conversation"]["id"]

        sent = shopper.post(stack.storefront(f"/apps/support/api/widget/conversations/{conversation_id}/messages"),
                            json={"body": f"Where is {delivered_order.order_name}?", "client_id": "w-1"})
        assert sent.status_code == 201, sent.text
        assert sent.json()["body"] == f"Where is {delivered_order.order_name}?"

    conversation = Conversation.objects.select_related("customer").get(pk=conversation_id)
    assert conversation.customer.shopify_id == int(delivered_order.customer_id)
    assert conversation.shop_id == installed.pk


def test_anonymous_visitor_resumes_with_the_visitor_token(stack, installed):
    url = stack.storefront("/apps/support/api/widget/conversations")

    first = httpx.post(url, json={"name": "Ana"}, timeout=30)
    assert first.status_code == 201, first.text
    assert first.json()["agents_online"] is False
    token = first.json()["visitor_token"]
    assert token

    again = httpx.post(url, json={}, headers={"X-Visitor-Token": token}, timeout=30)

    assert again.status_code == 200, again.text
    assert again.json()["conversation"]["id"] == first.json()["conversation"]["id"]


def test_a_request_not_signed_by_the_proxy_is_refused(stack):
    response = httpx.post(f"{stack.web}/api/widget/conversations", json={},
                          params={"shop": stack.shop, "logged_in_customer_id": "", "path_prefix": "/apps/support",
                                  "timestamp": "1", "signature": "0" * 64}, timeout=30)

    assert response.status_code == 401

"""``/api/admin/privacy/exports``: owners and admins list and download their shop's exports; staff
get 403, another shop's export is a 404, and nothing is returned or audited on a refusal."""
import json

import pytest

from shopapp.models import Agent
from support.models import AuditEvent
from tests.factories import AgentFactory, DataExportFactory, ShopTokenFactory

pytestmark = [pytest.mark.django_db]

DOMAIN = "shop-a.myshopify.com"
OWNER, STAFF = "9100000000000501", "9100000000000502"
LIST = "/api/admin/privacy/exports"


def download_url(export):
    return f"/api/admin/privacy/exports/{export.pk}/download"


@pytest.fixture
def shop():
    return ShopTokenFactory(shop__domain=DOMAIN).shop


@pytest.fixture
def call(client, session_token):
    def get(path, user_id=OWNER, domain=DOMAIN):
        return client.get(path, HTTP_AUTHORIZATION=f"Bearer {session_token(domain, user_id)}")

    return get


@pytest.fixture
def staff(shop, call):
    """The shop's first staff member (owner) and a second one (agent), provisioned by their tokens."""
    assert call("/api/admin/me", OWNER).json()["agent"]["role"] == "owner"
    assert call("/api/admin/me", STAFF).json()["agent"]["role"] == "agent"
    return Agent.objects.get(shopify_user_id=OWNER), Agent.objects.get(shopify_user_id=STAFF)


def test_owner_lists_the_shops_exports_newest_first(shop, staff, call):
    older = DataExportFactory(shop=shop, customer_shopify_id=9100000000100001)
    newer = DataExportFactory(shop=shop, customer_shopify_id=9100000000100002)
    DataExportFactory(shop=ShopTokenFactory(shop__domain="shop-b.myshopify.com").shop)

    response = call(LIST)

    assert response.status_code == 200
    assert response.json() == [
        {"id": str(export.pk), "customer_id": str(export.customer_shopify_id),
         "requested_at": export.requested_at.isoformat().replace("+00:00", "Z"),
         "completed_at": export.completed_at.isoformat().replace("+00:00", "Z")}
        for export in (newer, older)
    ]


def test_list_query_count_does_not_grow(shop, staff, call, django_assert_num_queries):
    DataExportFactory(shop=shop)
    with django_assert_num_queries(3):  # shop, agent, exports
        assert len(call(LIST).json()) == 1
    DataExportFactory.create_batch(5, shop=shop)
    with django_assert_num_queries(3):
        assert len(call(LIST).json()) == 6


def test_owner_downloads_the_export_as_a_json_attachment_and_it_is_audited(shop, staff, call):
    owner, _ = staff
    export = DataExportFactory(shop=shop, customer_shopify_id=9100000000100001,
                               content={"customer_id": "9100000000100001", "orders": [{"id": "1", "name": "#1001"}]})

    response = call(download_url(export))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="customer-9100000000100001-export.json"'
    assert response["Cache-Control"] == "no-store"
    assert json.loads(response.content) == export.content
    assert list(AuditEvent.objects.values_list("shop_id", "action", "actor", "agent_id", "target", "data")) == [
        (shop.pk, "privacy.export.downloaded", "agent", owner.pk, "customer:9100000000100001",
         {"export_id": str(export.pk)})
    ]


def test_an_admin_may_download_too(shop, staff, call):
    AgentFactory(shop=shop, shopify_user_id="9100000000000503", role="admin")
    export = DataExportFactory(shop=shop)
    assert call(download_url(export), "9100000000000503").status_code == 200
    assert call(LIST, "9100000000000503").status_code == 200


@pytest.mark.parametrize("role", ["agent", "supervisor"])
def test_staff_below_admin_get_403_and_nothing(shop, staff, call, caplog, role):
    _, agent = staff
    Agent.objects.filter(pk=agent.pk).update(role=role)
    export = DataExportFactory(shop=shop, content={"customer": {"email": "secret@example.com"}})
    caplog.clear()

    listed, downloaded = call(LIST, STAFF), call(download_url(export), STAFF)

    assert (listed.status_code, downloaded.status_code) == (403, 403)
    assert listed.json()["code"] == downloaded.json()["code"] == "permission_denied"
    assert b"secret@example.com" not in downloaded.content and str(export.pk).encode() not in listed.content
    assert AuditEvent.objects.count() == 0
    assert [r.getMessage() for r in caplog.records] == ["privacy.exports.refused"] * 2


def test_another_shops_export_is_404_and_not_audited(shop, staff, call):
    foreign = DataExportFactory(shop=ShopTokenFactory(shop__domain="shop-b.myshopify.com").shop,
                                content={"customer": {"email": "foreign@example.com"}})

    response = call(download_url(foreign))

    assert response.status_code == 404
    assert b"foreign@example.com" not in response.content
    assert AuditEvent.objects.count() == 0


def test_unknown_and_out_of_range_ids_are_404(shop, staff, call):
    assert call("/api/admin/privacy/exports/999999/download").status_code == 404
    assert call(f"/api/admin/privacy/exports/{2**70}/download").status_code == 404
    assert AuditEvent.objects.count() == 0


def test_without_a_session_token_it_is_401(client, shop):
    export = DataExportFactory(shop=shop)
    for path in (LIST, download_url(export)):
        response = client.get(path)
        assert response.status_code == 401
        assert response["X-Shopify-Retry-Invalid-Session-Request"] == "1"
    assert AuditEvent.objects.count() == 0


def test_schema_lists_both_endpoints(client):
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    assert set(paths[LIST]) == {"get"}
    assert set(paths["/api/admin/privacy/exports/{export_id}/download"]) == {"get"}
    assert paths[LIST]["get"]["security"] == [{"shopifySessionToken": []}]

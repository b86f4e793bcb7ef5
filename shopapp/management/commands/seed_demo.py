"""``python manage.py seed_demo``: create or refresh the demo shop ``demo-store.myshopify.com`` in
the dev store simulator (customers, orders, shipments) and install the app on it the way Shopify
does: a session token minted by the dev store, exchanged for an expiring offline token. Idempotent.

When the dev store is not running, it is started in this process for the duration of the command
(its state file is shared with the one ``make dev`` runs)."""
import contextlib
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from shopapp.actions.shops import install_with_session_token
from shopapp.actions.staff import provision_agent
from shopapp.shopify.app import PATCH_ID_TOKEN_PATH, shopify_app
from shopapp.shopify.staff import staff_profile

DEMO_SHOP = "demo-store.myshopify.com"


class Command(BaseCommand):
    help = "Create or refresh the demo shop in the dev store simulator and install the app on it."

    def add_arguments(self, parser):
        parser.add_argument("--customers", type=int, default=50)
        parser.add_argument("--orders", type=int, default=200)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--state", default=str(settings.VAR_DIR / "devstore.json"))

    def handle(self, *args, **options):
        url = settings.SHOPIFY_DEVSTORE_URL
        if not url:
            raise CommandError("seed_demo needs SHOPIFY_DEVSTORE_URL (the dev store simulator); `make dev` sets it")
        with self._devstore(url, options["state"]):
            summary = self._post(url, "/_devstore/shops", {
                "shop": DEMO_SHOP, "seed": options["seed"],
                "customers": options["customers"], "orders": options["orders"],
            })
            owner = next(member for member in summary["staff"] if member.get("account_owner"))
            token = self._post(url, "/_devstore/session-token", {"shop": DEMO_SHOP, "user_id": str(owner["id"])})
            shop, agent = self._install(token["token"])
        self.stdout.write(
            f"Demo shop {shop.domain} ({shop.name}, {shop.currency}, {shop.timezone}) installed: "
            f"{summary['customers']} customers, {summary['orders']} orders; owner is agent {agent.pk}."
        )

    def _install(self, session_token):
        request = {
            "method": "GET",
            "headers": {"Authorization": f"Bearer {session_token}"},
            "url": f"{settings.APP_URL}/api/admin/me",
            "body": "",
        }
        result = shopify_app().verify_app_home_req(request, app_home_patch_id_token_path=PATCH_ID_TOKEN_PATH)
        if not result.ok:
            raise CommandError(f"the dev store's session token was refused ({result.log.code}): are "
                               "SHOPIFY_API_KEY/SHOPIFY_API_SECRET the same for the app and the dev store?")
        shop = install_with_session_token(DEMO_SHOP, result.id_token)
        return shop, provision_agent(shop, result.id_token.claims["sub"], lambda: staff_profile(result.id_token))

    def _post(self, url, path, body):
        response = httpx.post(f"{url}{path}", json=body, timeout=60)
        if response.status_code != 200:
            raise CommandError(f"dev store answered {response.status_code} to {path}: {response.text[:200]}")
        return response.json()

    @contextlib.contextmanager
    def _devstore(self, url, state_path):
        if _answers(url):
            yield
            return
        from shopapp.devstore.server import DevStoreServer

        parts = urlsplit(url)
        self.stdout.write(f"The dev store is not running; starting it for seeding on port {parts.port}")
        with DevStoreServer(
            api_key=settings.SHOPIFY_API_KEY,
            api_secret=settings.SHOPIFY_API_SECRET,
            app_url=settings.APP_URL,
            host=parts.hostname,
            port=parts.port,
            state_path=state_path,
        ):
            yield


def _answers(url) -> bool:
    try:
        return httpx.get(f"{url}/_devstore/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False

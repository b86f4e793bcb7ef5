"""The whole stack as real processes: the ASGI server (uvicorn), a Celery worker and the dev store
simulator, talking over loopback. This is what `make dev` runs."""
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from shopapp.models import Shop, ShopToken
from support.models import Order
from tests.stack_env import stack_env
from webhooks.models import DeliveryStatus, WebhookDelivery

ROOT = Path(__file__).resolve().parent.parent
SHOP = "live-store.myshopify.com"
pytestmark = [pytest.mark.live, pytest.mark.django_db(transaction=True)]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, timeout=20.0, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except httpx.HTTPError:
            pass
        time.sleep(interval)
    return False


@pytest.fixture
def stack(redis_client):
    web_port, store_port = free_port(), free_port()
    env = stack_env(SHOPIFY_DEVSTORE_URL=f"http://127.0.0.1:{store_port}", APP_URL=f"http://127.0.0.1:{web_port}")
    bin_dir = Path(sys.executable).parent
    commands = [
        [str(bin_dir / "uvicorn"), "shopapp.asgi:application", "--host", "127.0.0.1", "--port", str(web_port),
         "--no-access-log"],
        [str(bin_dir / "celery"), "-A", "shopapp", "worker", "--pool", "solo", "--loglevel", "WARNING"],
        [sys.executable, "-m", "shopapp.devstore", "--port", str(store_port), "--app-url", env["APP_URL"],
         "--log-level", "WARNING"],
    ]
    processes = [subprocess.Popen(command, cwd=ROOT, env=env) for command in commands]  # noqa: S603
    try:
        urls = {"web": env["APP_URL"], "store": env["SHOPIFY_DEVSTORE_URL"]}
        assert wait_until(lambda: httpx.get(f"{urls['web']}/healthz").status_code == 200)
        assert wait_until(lambda: httpx.get(f"{urls['store']}/_devstore/health").status_code == 200)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def test_install_session_token_api_and_uninstall_across_processes(stack):
    assert httpx.get(f"{stack['web']}/healthz").json() == {"status": "ok", "database": "ok", "redis": "ok"}
    summary = httpx.post(f"{stack['store']}/_devstore/shops",
                         json={"shop": SHOP, "seed": 3, "customers": 5, "orders": 10}).json()
    owner = next(m for m in summary["staff"] if m["account_owner"])
    token = httpx.post(f"{stack['store']}/_devstore/session-token",
                       json={"shop": SHOP, "user_id": owner["id"]}).json()["token"]

    me = httpx.get(f"{stack['web']}/api/admin/me", headers={"Authorization": f"Bearer {token}"})

    assert me.status_code == 200
    assert me.json()["shop"] == {"domain": SHOP, "name": summary["name"], "currency": "USD",
                                 "timezone": Shop.objects.get(domain=SHOP).timezone}
    assert me.json()["agent"]["role"] == "owner"

    # The install enqueued the mirror's backfill: the worker reads the last 60 days of orders.
    assert wait_until(lambda: Order.objects.filter(shop__domain=SHOP).count() == summary["orders"])

    # The dev store uninstalls the app: a signed webhook reaches the web process, the Celery worker
    # processes it, and the shop and its token stop.
    httpx.post(f"{stack['store']}/_devstore/shops/{SHOP}/uninstall").raise_for_status()
    assert wait_until(lambda: not Shop.objects.get(domain=SHOP).is_active)
    assert not ShopToken.objects.filter(shop__domain=SHOP).exists()
    delivery = WebhookDelivery.objects.get(topic="app/uninstalled")
    assert (delivery.shop_domain, delivery.status) == (SHOP, DeliveryStatus.PROCESSED)


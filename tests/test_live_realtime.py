"""Realtime across two server processes: a shopper connected to one uvicorn process and an agent
connected to another see each other's messages live (through the Redis channel layer), and the
agent's internal note never reaches the shopper."""
import asyncio
import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
import websockets

from tests.factories import AgentFactory, ShopTokenFactory
from tests.stack_env import stack_env
from tests.support.api.test_widget import proxy_query
from tests.test_live_stack import free_port, wait_until

ROOT = Path(__file__).resolve().parent.parent
SHOP = "shop-a.myshopify.com"
pytestmark = [pytest.mark.live, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_servers(redis_client, devstore_server):
    env = stack_env(SHOPIFY_DEVSTORE_URL=devstore_server.url, ALLOWED_HOSTS="127.0.0.1")
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(  # noqa: S603
            [str(Path(sys.executable).parent / "uvicorn"), "shopapp.asgi:application", "--host", "127.0.0.1",
             "--port", str(port), "--no-access-log"], cwd=ROOT, env={**env, "APP_URL": f"http://127.0.0.1:{port}"})
        for port in ports
    ]
    try:
        for port in ports:
            assert wait_until(lambda p=port: httpx.get(f"http://127.0.0.1:{p}/healthz").status_code == 200)
        yield [f"127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


async def drain(socket, seconds=1.0):
    received = []
    try:
        while True:
            received.append(json.loads(await asyncio.wait_for(socket.recv(), timeout=seconds)))
    except TimeoutError:
        return received


def test_shopper_on_one_process_and_agent_on_another(two_servers, session_token):
    ShopTokenFactory(shop__domain=SHOP)
    AgentFactory(shop__domain=SHOP, shopify_user_id="77")
    shopper_host, agent_host = two_servers
    started = httpx.post(f"http://{shopper_host}/api/widget/conversations?{proxy_query()}", json={"name": "Ana"})
    assert started.status_code == 201
    conversation_id = started.json()["conversation"]["id"]
    visitor = {"X-Visitor-Token": started.json()["visitor_token"]}
    agent_token = session_token(SHOP, "77")

    async def scenario():
        origin_a, origin_b = f"http://{shopper_host}", f"http://{agent_host}"
        async with websockets.connect(f"ws://{shopper_host}/ws/widget/?token={started.json()['socket_token']}",
                                      origin=origin_a) as shopper, \
                websockets.connect(f"ws://{agent_host}/ws/agent/?token={agent_token}", origin=origin_b) as agent:
            async with httpx.AsyncClient() as http:
                sent = await http.post(
                    f"http://{shopper_host}/api/widget/conversations/{conversation_id}/messages?{proxy_query()}",
                    json={"body": "Is my parcel in Lyon yet?", "client_id": "w-1"}, headers=visitor)
                assert sent.status_code == 201
                auth = {"Authorization": f"Bearer {agent_token}"}
                base = f"http://{agent_host}/api/admin/conversations/{conversation_id}/messages"
                assert (await http.post(base, json={"body": "check DHL", "client_id": "n-1", "internal": True},
                                        headers=auth)).status_code == 201
                assert (await http.post(base, json={"body": "Yes, out for delivery", "client_id": "a-1"},
                                        headers=auth)).status_code == 201
            return await drain(agent), await drain(shopper)

    agent_events, shopper_events = asyncio.run(scenario())
    assert [e["event"] for e in agent_events if e["event"] != "message.created"] == ["presence.updated"]
    agent_events = [e for e in agent_events if e["event"] == "message.created"]
    assert [(e["payload"]["kind"], e["payload"]["body"]) for e in agent_events] == [
        ("shopper", "Is my parcel in Lyon yet?"), ("note", "check DHL"), ("agent", "Yes, out for delivery")]
    assert [(e["payload"]["kind"], e["payload"]["body"]) for e in shopper_events] == [
        ("shopper", "Is my parcel in Lyon yet?"), ("agent", "Yes, out for delivery")]

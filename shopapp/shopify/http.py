"""The HTTP client every Shopify call goes through (injected into the shopifyapp functions).

In development and tests ``SHOPIFY_DEVSTORE_URL`` points at the dev store simulator: its transport
sends requests for ``https://<name>.myshopify.com/...`` there instead, keeping
``Host: <name>.myshopify.com`` so the simulator knows the shop."""
import threading

import httpx
from django.conf import settings

_local = threading.local()


def build_client() -> httpx.Client:
    timeout = httpx.Timeout(settings.SHOPIFY_HTTP_TIMEOUT, connect=5.0)
    if settings.SHOPIFY_DEVSTORE_URL:
        from shopapp.devstore.transport import DevStoreTransport

        return httpx.Client(timeout=timeout, transport=DevStoreTransport(settings.SHOPIFY_DEVSTORE_URL))
    return httpx.Client(timeout=timeout)


def client() -> httpx.Client:
    """One client per thread and configuration (keeps connections alive between calls)."""
    key = (settings.SHOPIFY_DEVSTORE_URL, settings.SHOPIFY_HTTP_TIMEOUT)
    cached = getattr(_local, "client", None)
    if cached is None or cached[0] != key:
        if cached is not None:
            cached[1].close()
        cached = (key, build_client())
        _local.client = cached
    return cached[1]

"""The HTTP client every Shopify call goes through (injected into the shopifyapp functions).

In development and tests ``SHOPIFY_DEVSTORE_URL`` points at the dev store simulator: requests to
``https://<name>.myshopify.com/...`` are sent there instead, keeping ``Host: <name>.myshopify.com``
so the simulator knows the shop."""
import threading

import httpx
from django.conf import settings

_local = threading.local()


class DevStoreTransport(httpx.BaseTransport):
    def __init__(self, devstore_url: str):
        self._inner = httpx.HTTPTransport()
        self._target = httpx.URL(devstore_url)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        if host.endswith(".myshopify.com"):
            request.url = request.url.copy_with(
                scheme=self._target.scheme, host=self._target.host, port=self._target.port
            )
            request.headers["Host"] = host
        return self._inner.handle_request(request)

    def close(self):
        self._inner.close()


def build_client() -> httpx.Client:
    timeout = httpx.Timeout(settings.SHOPIFY_HTTP_TIMEOUT, connect=5.0)
    if settings.SHOPIFY_DEVSTORE_URL:
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

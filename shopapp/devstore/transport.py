"""httpx transports that send `https://{name}.myshopify.com/...` to a dev store.

The URL's scheme, host and port are replaced by the dev store's; the `Host` header keeps
`{name}.myshopify.com`, which is how the dev store knows the shop. Other URLs pass through.

    client = httpx.Client(transport=DevStoreTransport("http://127.0.0.1:8765"))
"""

from __future__ import annotations

import httpx

SHOP_SUFFIX = ".myshopify.com"


def rewrite_request(request: httpx.Request, devstore_url: httpx.URL) -> httpx.Request:
    """Point a myshopify.com request at the dev store, keeping its Host header (in place)."""
    if request.url.host.endswith(SHOP_SUFFIX):
        shop_host = request.url.host
        request.url = request.url.copy_with(
            scheme=devstore_url.scheme, host=devstore_url.host, port=devstore_url.port
        )
        request.headers["Host"] = shop_host
    return request


class DevStoreTransport(httpx.BaseTransport):
    def __init__(self, devstore_url: str, inner: httpx.BaseTransport | None = None) -> None:
        self._target = httpx.URL(devstore_url)
        self._inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._inner.handle_request(rewrite_request(request, self._target))

    def close(self) -> None:
        self._inner.close()


class AsyncDevStoreTransport(httpx.AsyncBaseTransport):
    def __init__(self, devstore_url: str, inner: httpx.AsyncBaseTransport | None = None) -> None:
        self._target = httpx.URL(devstore_url)
        self._inner = inner or httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._inner.handle_async_request(rewrite_request(request, self._target))

    async def aclose(self) -> None:
        await self._inner.aclose()

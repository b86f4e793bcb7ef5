"""Dev store simulator: a small HTTP service standing in for a Shopify store.

Standalone: imports nothing from the Django project. See README.md in this folder.
"""

from .authorize import query_hmac
from .server import DevStoreServer
from .session_tokens import mint_session_token, verify_session_token
from .transport import AsyncDevStoreTransport, DevStoreTransport
from .webhooks import API_VERSION, sign

__all__ = [
    "API_VERSION",
    "AsyncDevStoreTransport",
    "DevStoreServer",
    "DevStoreTransport",
    "mint_session_token",
    "query_hmac",
    "sign",
    "verify_session_token",
]

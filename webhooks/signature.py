"""The webhook signature: ``X-Shopify-Hmac-Sha256`` (or ``shopify-hmac-sha256``) is the base64
HMAC-SHA256 of the raw body under the app's client secret, or under the previous secret while it is
being rotated. Pure functions over bytes.

shopifyapp (``ShopifyApp.verify_webhook_req``) gives the same verdicts (a property test holds the two
together, ``tests/webhooks/test_signature.py``), but it also parses and re-serialises the whole body
for a log record we do not use, which was a fifth of the CPU an ingest costs; webhooks are the one
request the app must take in by the thousand, so this check is done here."""
import base64
import hashlib
import hmac


def body_signature(body: bytes, secret: str) -> str:
    return base64.b64encode(hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()).decode("ascii")


def signature_problem(body: bytes, received: str, secret: str, old_secret: str | None = None) -> str:
    """"" when ``received`` signs ``body`` under the secret or the old one; otherwise the refusal's
    reason, named as shopifyapp names it: ``missing_hmac_header`` or ``invalid_hmac``."""
    if not received:
        return "missing_hmac_header"
    for key in (secret, old_secret):
        if key and hmac.compare_digest(received.encode("utf-8", "replace"), body_signature(body, key).encode("ascii")):
            return ""
    return "invalid_hmac"

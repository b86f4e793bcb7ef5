"""Shopify's query-string HMAC (install links, OAuth callbacks). Pure functions.

The message is every parameter except ``hmac`` (and the legacy ``signature``), sorted by key, as
``key=value`` joined by ``&``; repeated keys (``ids[]=1&ids[]=2``) become ``ids=["1", "2"]``. The
digest is hex HMAC-SHA256 with the app's client secret."""
import hashlib
import hmac
import json
from urllib.parse import parse_qsl


def signing_message(pairs) -> str:
    grouped: dict[str, list[str]] = {}
    for key, value in pairs:
        if key in ("hmac", "signature"):
            continue
        grouped.setdefault(key, []).append(value)
    parts = []
    for key in sorted(grouped):
        values = grouped[key]
        if key.endswith("[]") or len(values) > 1:
            rendered = "[" + ", ".join(json.dumps(v) for v in values) + "]"
            parts.append(f"{key.removesuffix('[]')}={rendered}")
        else:
            parts.append(f"{key}={values[0]}")
    return "&".join(parts)


def compute(pairs, secret: str) -> str:
    return hmac.new(secret.encode(), signing_message(pairs).encode(), hashlib.sha256).hexdigest()


def verify(query_string: str, secrets) -> bool:
    """True when the query carries exactly one ``hmac`` that matches under one of ``secrets``."""
    try:
        pairs = parse_qsl(query_string, keep_blank_values=True, strict_parsing=True, max_num_fields=64)
    except ValueError:
        return False
    given = [value for key, value in pairs if key == "hmac"]
    if len(given) != 1:
        return False
    return any(secret and hmac.compare_digest(compute(pairs, secret), given[0].lower()) for secret in secrets)

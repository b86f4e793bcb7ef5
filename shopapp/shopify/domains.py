"""Shop domains: validation and the URLs a shop answers on. Pure functions."""
import re

SHOP_DOMAIN_RE = re.compile(r"^[a-z0-9][a-z0-9-]*\.myshopify\.com$")


def normalize_shop_domain(value) -> str | None:
    """The canonical ``name.myshopify.com`` for a shop parameter, or None when it is not one.

    Accepts the bare domain or an https URL of it (``dest`` claims carry the scheme); anything else
    (other hosts, paths, ports, user info, upper-case tricks with other hosts) is refused."""
    if not isinstance(value, str):
        return None
    candidate = value.lower()
    candidate = candidate.removeprefix("https://")
    if len(candidate) > 255 or not SHOP_DOMAIN_RE.fullmatch(candidate):
        return None
    return candidate


def shop_handle(domain: str) -> str:
    return domain.removesuffix(".myshopify.com")


def shop_admin_url(domain: str, path: str, devstore_url: str = "") -> str:
    """A browser-facing URL on the shop (e.g. the OAuth authorize page)."""
    if devstore_url:
        return f"{devstore_url}/store/{domain}{path}"
    return f"https://{domain}{path}"

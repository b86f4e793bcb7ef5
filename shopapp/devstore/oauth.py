"""`POST /admin/oauth/access_token`: token exchange, refresh-token rotation and the legacy
authorization-code grant, with Shopify's response and error shapes.

Only SHA-256 digests of issued secrets are stored (see state.py).
"""

from __future__ import annotations

import hmac
import logging
import secrets

from .core import (
    AUTH_CODE_TTL,
    REFRESH_TOKEN_TTL,
    BadRequest,
    Config,
    DevStore,
    Request,
    Response,
    json_response,
)
from .session_tokens import SubjectTokenError, verify_session_token
from .state import digest

logger = logging.getLogger(__name__)

TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange"
ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token"
REQUESTED_TYPES = {
    "urn:shopify:params:oauth:token-type:offline-access-token": "offline",
    "urn:shopify:params:oauth:token-type:online-access-token": "online",
}
GRANT_NAMES = {
    TOKEN_EXCHANGE: "token_exchange",
    "refresh_token": "refresh_token",
    "authorization_code": "authorization_code",
}


class OAuthError(Exception):
    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status, self.error, self.description = status, error, description


def handle_access_token(store: DevStore, request: Request) -> Response:
    shop = request.shop
    grant = None
    try:
        params = request.params()
        grant = params.get("grant_type") or ("authorization_code" if params.get("code") else None)
        _check_client(store.config, params)
        with store.state.mutate() as data:
            body = _grant(store, data, shop, grant, params)
    except BadRequest as exc:
        return _refuse(store, shop, grant, OAuthError(400, "invalid_request", str(exc)))
    except OAuthError as exc:
        return _refuse(store, shop, grant, exc)
    store.log.record(
        shop=shop,
        kind="token",
        status=200,
        grant=GRANT_NAMES.get(grant, grant),
        outcome="issued",
        mode="online" if "associated_user" in body else "offline",
        expiring="expires_in" in body,
    )
    logger.info("devstore.token.issued", extra={"shop": shop, "grant": GRANT_NAMES.get(grant, grant)})
    return json_response(200, body)


def _refuse(store: DevStore, shop: str | None, grant: object, error: OAuthError) -> Response:
    store.log.record(
        shop=shop, kind="token", status=error.status, grant=GRANT_NAMES.get(grant, grant), outcome=error.error
    )
    logger.info("devstore.token.refused", extra={"shop": shop, "error": error.error})
    return json_response(error.status, {"error": error.error, "error_description": error.description})


def _check_client(config: Config, params: dict) -> None:
    client_id, client_secret = str(params.get("client_id") or ""), str(params.get("client_secret") or "")
    same_id = hmac.compare_digest(client_id.encode(), config.api_key.encode())
    same_secret = hmac.compare_digest(client_secret.encode(), config.api_secret.encode())
    if not (same_id and same_secret):
        raise OAuthError(
            401, "invalid_client", "Client authentication failed: unknown client or wrong secret."
        )


def _grant(store: DevStore, data: dict, shop: str, grant: object, params: dict) -> dict:
    if grant == TOKEN_EXCHANGE:
        return _token_exchange(store, data, shop, params)
    if grant == "refresh_token":
        return _refresh(store, data, shop, params)
    if grant == "authorization_code":
        return _authorization_code(store, data, shop, params)
    raise OAuthError(400, "unsupported_grant_type", "The grant_type is not supported.")


def _flag(value: object) -> bool:
    return str(value).strip().lower() in ("1", "true")


def _token_exchange(store: DevStore, data: dict, shop: str, params: dict) -> dict:
    if params.get("subject_token_type") != ID_TOKEN_TYPE:
        raise OAuthError(400, "invalid_request", "subject_token_type must be an id_token.")
    mode = REQUESTED_TYPES.get(str(params.get("requested_token_type")))
    if mode is None:
        raise OAuthError(
            400, "invalid_request", "requested_token_type must be an offline or online access token."
        )
    config = store.config
    try:
        claims = verify_session_token(
            params.get("subject_token"),
            shop=shop,
            api_key=config.api_key,
            api_secret=config.api_secret,
            now=store.clock(),
        )
    except SubjectTokenError as exc:
        raise OAuthError(400, "invalid_subject_token", str(exc)) from exc
    user = None
    if mode == "online":
        user = _staff_member(data["shops"][shop], claims["sub"])
        if user is None:
            raise OAuthError(400, "invalid_subject_token", "subject_token subject is not a staff member.")
    expiring = mode == "online" or _flag(params.get("expiring", 0))
    return issue_tokens(store, data, shop=shop, mode=mode, expiring=expiring, scope=config.scopes, user=user)


def _staff_member(shop_state: dict, user_id: object) -> dict | None:
    return next((m for m in shop_state["staff"] if str(m["id"]) == str(user_id)), None)


def _refresh(store: DevStore, data: dict, shop: str, params: dict) -> dict:
    presented = params.get("refresh_token")
    record = data["refresh_tokens"].get(digest(presented)) if isinstance(presented, str) else None
    now = store.clock()
    if (
        record is None
        or record["shop"] != shop
        or record["used"]
        or record["revoked"]
        or now >= record["expires_at"]
    ):
        raise OAuthError(
            400, "invalid_grant", "The refresh token is invalid, expired, revoked or already used."
        )
    record["used"] = True
    return issue_tokens(store, data, shop=shop, mode="offline", expiring=True, scope=record["scope"])


def _authorization_code(store: DevStore, data: dict, shop: str, params: dict) -> dict:
    presented = params.get("code")
    record = data["codes"].get(digest(presented)) if isinstance(presented, str) else None
    if record is None or record["shop"] != shop or record["used"] or store.clock() >= record["expires_at"]:
        raise OAuthError(400, "invalid_request", "The authorization code was not found or was already used.")
    record["used"] = True
    user = _staff_member(data["shops"][shop], record["user_id"]) if record["mode"] == "online" else None
    expiring = record["mode"] == "online" or _flag(params.get("expiring", 0))
    return issue_tokens(
        store, data, shop=shop, mode=record["mode"], expiring=expiring, scope=record["scope"], user=user
    )


def issue_tokens(
    store: DevStore, data: dict, *, shop: str, mode: str, expiring: bool, scope: str, user: dict | None = None
) -> dict:
    """Issue an access token (and a refresh token for expiring offline access); mark installed."""
    now, ttl = store.clock(), store.config.token_ttl
    access = f"shpat_{secrets.token_hex(16)}"
    data["tokens"][digest(access)] = {
        "shop": shop,
        "mode": mode,
        "scope": scope,
        "issued_at": now,
        "expires_at": now + ttl if expiring else None,
        "revoked": False,
        "user_id": str(user["id"]) if user else None,
    }
    data["shops"][shop]["installed"] = True
    body: dict = {"access_token": access, "scope": scope}
    if mode == "online":
        return {
            **body,
            "expires_in": ttl,
            "associated_user_scope": scope,
            "associated_user": _user_body(user),
        }
    if expiring:
        refresh = f"shprt_{secrets.token_hex(16)}"
        data["refresh_tokens"][digest(refresh)] = {
            "shop": shop,
            "scope": scope,
            "issued_at": now,
            "expires_at": now + REFRESH_TOKEN_TTL,
            "used": False,
            "revoked": False,
        }
        body.update(expires_in=ttl, refresh_token=refresh, refresh_token_expires_in=REFRESH_TOKEN_TTL)
    return body


def _user_body(user: dict | None) -> dict | None:
    if user is None:
        return None
    return {
        "id": user["id"],
        "first_name": user["first_name"],
        "last_name": user["last_name"],
        "email": user["email"],
        "email_verified": user["email_verified"],
        "account_owner": user["account_owner"],
        "locale": user["locale"],
        "collaborator": user["collaborator"],
    }


def new_authorization_code(store: DevStore, data: dict, *, shop: str, scope: str, mode: str) -> str:
    code = secrets.token_hex(16)
    owner = data["shops"][shop]["staff"][0]
    data["codes"][digest(code)] = {
        "shop": shop,
        "scope": scope,
        "mode": mode,
        "used": False,
        "user_id": str(owner["id"]),
        "expires_at": store.clock() + AUTH_CODE_TTL,
    }
    return code


def find_access_token(data: dict, token: object, shop: str, now: float) -> dict | None:
    """The stored record of a usable access token for that shop, else None."""
    if not isinstance(token, str) or not token:
        return None
    record = data["tokens"].get(digest(token))
    if record is None or record["shop"] != shop or record["revoked"]:
        return None
    if record["expires_at"] is not None and now >= record["expires_at"]:
        return None
    return record


def revoke_shop(data: dict, shop: str) -> int:
    """Revoke every access and refresh token (and pending code) of a shop; return how many."""
    revoked = 0
    for collection in ("tokens", "refresh_tokens"):
        for record in data[collection].values():
            if record["shop"] == shop and not record["revoked"]:
                record["revoked"] = True
                revoked += 1
    for record in data["codes"].values():
        if record["shop"] == shop:
            record["used"] = True
    return revoked


def expire_shop_tokens(data: dict, shop: str, now: float) -> int:
    expired = 0
    for record in data["tokens"].values():
        if (
            record["shop"] == shop
            and not record["revoked"]
            and (record["expires_at"] is None or record["expires_at"] > now)
        ):
            record["expires_at"] = now - 1
            expired += 1
    return expired

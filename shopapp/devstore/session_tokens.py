"""Session tokens (App Bridge id tokens): minting for the dev shim and tests, verification
for the token-exchange grant."""

from __future__ import annotations

import secrets
import time
import uuid

import jwt

LEEWAY_SECONDS = 10


class SubjectTokenError(ValueError):
    """The subject token cannot be exchanged; the message is safe to show the client."""


def mint_session_token(
    *,
    shop: str,
    user_id: str | int,
    api_key: str,
    api_secret: str,
    ttl: int = 60,
    now: float | None = None,
    **overrides: object,
) -> str:
    """Mint a session token the way App Bridge does (HS256 with the app's secret).

    `overrides` replace claims (e.g. `aud="other"`, `exp=0`); an override of None removes
    the claim, so tests can forge every bad variant.
    """
    issued = int(time.time() if now is None else now)
    claims: dict[str, object] = {
        "iss": f"https://{shop}/admin",
        "dest": f"https://{shop}",
        "aud": api_key,
        "sub": str(user_id),
        "exp": issued + int(ttl),
        "nbf": issued,
        "iat": issued,
        "jti": str(uuid.uuid4()),
        "sid": secrets.token_hex(16),
        "sig": secrets.token_hex(32),
    }
    for name, value in overrides.items():
        if value is None:
            claims.pop(name, None)
        else:
            claims[name] = value
    return jwt.encode(claims, api_secret, algorithm="HS256")


def verify_session_token(
    token: object, *, shop: str, api_key: str, api_secret: str, now: float | None = None
) -> dict:
    """Return the claims of a valid session token for `shop`, else raise SubjectTokenError."""
    if not isinstance(token, str) or not token:
        raise SubjectTokenError("subject_token is missing")
    moment = time.time() if now is None else now
    try:
        claims = jwt.decode(
            token,
            api_secret,
            algorithms=["HS256"],
            leeway=LEEWAY_SECONDS,
            options={
                "verify_aud": False,
                "verify_exp": False,
                "verify_nbf": False,
                "verify_iat": False,
                "require": ["exp", "nbf", "aud", "dest", "sub"],
            },
        )
    except jwt.InvalidTokenError as exc:
        raise SubjectTokenError(f"subject_token is not a valid session token: {type(exc).__name__}") from exc
    _check_times(claims, moment)
    if claims.get("aud") != api_key:
        raise SubjectTokenError("subject_token audience does not match client_id")
    if claims.get("dest") != f"https://{shop}":
        raise SubjectTokenError("subject_token destination does not match the shop")
    if not str(claims.get("sub", "")).isdigit():
        raise SubjectTokenError("subject_token subject is not a user id")
    return claims


def _check_times(claims: dict, moment: float) -> None:
    try:
        expires, not_before = float(claims["exp"]), float(claims["nbf"])
    except (TypeError, ValueError) as exc:
        raise SubjectTokenError("subject_token has malformed time claims") from exc
    if moment > expires + LEEWAY_SECONDS:
        raise SubjectTokenError("subject_token has expired")
    if moment < not_before - LEEWAY_SECONDS:
        raise SubjectTokenError("subject_token is not valid yet")

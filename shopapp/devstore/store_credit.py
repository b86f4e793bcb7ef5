"""Mutations: `storeCreditAccountCredit` and `giftCardCreate`, with Shopify-style userErrors.

Resolvers take (ResolveContext, args) and return the mutation payload as a plain dict.
All records live in the shop's `credit` book (see state.py).
"""

from __future__ import annotations

import logging
import re
import secrets
from datetime import date
from decimal import Decimal, InvalidOperation

from .gql_projection import GraphQLError
from .gql_views import gift_card_view, transaction_view
from .ids import DYNAMIC_OFFSET, iso, make_id, money, parse_gid, parse_iso
from .state import digest

logger = logging.getLogger(__name__)

_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
_GIFT_CODE_RE = re.compile(r"^[A-Za-z0-9]{8,20}$")


def next_dynamic_id(shop: dict) -> int:
    book = shop["credit"]
    value = make_id(DYNAMIC_OFFSET, book["next_id"])
    book["next_id"] += 1
    return value


def user_error(typename: str, field: list[str], message: str, code: str) -> dict:
    return {"__typename": typename, "field": field, "message": message, "code": code}


def parse_decimal(value: object, argument: str) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise GraphQLError(
            f"Argument '{argument}' has an invalid value ({value!r}). Expected type 'Decimal!'.",
            "argumentLiteralsIncompatible",
        ) from exc
    if not amount.is_finite():
        raise GraphQLError(
            f"Argument '{argument}' has an invalid value ({value!r}). Expected type 'Decimal!'.",
            "argumentLiteralsIncompatible",
        )
    return amount


def store_credit_account_credit(rc, args: dict) -> dict:
    credit_input = args.get("creditInput") or {}
    credit_amount = credit_input.get("creditAmount") or {}
    amount = parse_decimal(credit_amount.get("amount"), "amount")
    currency = credit_amount.get("currencyCode")
    if not isinstance(currency, str) or not _CURRENCY_RE.match(currency):
        raise GraphQLError(
            f"Argument 'currencyCode' has an invalid value ({currency!r}). Expected type 'CurrencyCode!'.",
            "argumentLiteralsIncompatible",
        )
    error = _credit_error(rc, args.get("id"), amount, currency, credit_input.get("expiresAt"))
    if error is not None:
        return _credit_payload(None, [error])
    account = _account_for(rc, args["id"], currency)
    transaction = _apply_credit(rc, account, amount, credit_input.get("expiresAt"))
    logger.info(
        "devstore.store_credit.credited",
        extra={"account_id": account["id"], "transaction_id": transaction["id"], "currency": currency},
    )
    return _credit_payload(transaction_view(rc.shop, transaction), [])


def _credit_payload(transaction: dict | None, errors: list[dict]) -> dict:
    return {
        "__typename": "StoreCreditAccountCreditPayload",
        "storeCreditAccountTransaction": transaction,
        "userErrors": errors,
    }


def _credit_error(rc, target: object, amount: Decimal, currency: str, expires_at: object) -> dict | None:
    kind = "StoreCreditAccountCreditUserError"
    parsed = parse_gid(target)
    if parsed is None:
        raise GraphQLError(f"Invalid global id '{target}'", "argumentLiteralsIncompatible")
    type_name, numeric_id = parsed
    accounts = rc.shop["credit"]["accounts"]
    if (
        (type_name == "Customer" and str(numeric_id) not in rc.shop["customers"])
        or (type_name == "StoreCreditAccount" and str(numeric_id) not in accounts)
        or type_name not in ("Customer", "StoreCreditAccount")
    ):
        return user_error(kind, ["id"], "Store credit account does not exist.", "ACCOUNT_NOT_FOUND")
    if amount <= 0:
        return user_error(
            kind,
            ["creditInput", "creditAmount", "amount"],
            "A positive amount must be used to credit a store credit account.",
            "NEGATIVE_OR_ZERO_AMOUNT",
        )
    if type_name == "StoreCreditAccount" and accounts[str(numeric_id)]["currency"] != currency:
        return user_error(
            kind,
            ["creditInput", "creditAmount", "currencyCode"],
            "The currency provided does not match the currency of the store credit account.",
            "MISMATCHING_CURRENCY",
        )
    if expires_at is not None and _expired(expires_at, rc.now):
        return user_error(
            kind, ["creditInput", "expiresAt"], "The expiry date must be in the future.", "EXPIRES_AT_IN_PAST"
        )
    return None


def _expired(expires_at: object, now: float) -> bool:
    try:
        return parse_iso(str(expires_at)).timestamp() <= now
    except ValueError as exc:
        raise GraphQLError(
            f"Argument 'expiresAt' has an invalid value ({expires_at!r}). Expected type 'DateTime'.",
            "argumentLiteralsIncompatible",
        ) from exc


def _account_for(rc, target: str, currency: str) -> dict:
    """The account named by id, or the customer's account in that currency (created if new)."""
    type_name, numeric_id = parse_gid(target)  # type: ignore[misc]
    accounts = rc.shop["credit"]["accounts"]
    if type_name == "StoreCreditAccount":
        return accounts[str(numeric_id)]
    for account in accounts.values():
        if account["customer_id"] == numeric_id and account["currency"] == currency:
            return account
    account = {
        "id": next_dynamic_id(rc.shop),
        "customer_id": numeric_id,
        "currency": currency,
        "balance": "0.00",
        "created_at": iso(rc.now),
    }
    accounts[str(account["id"])] = account
    return account


def _apply_credit(rc, account: dict, amount: Decimal, expires_at: object) -> dict:
    account["balance"] = money(Decimal(account["balance"]) + amount)
    transaction = {
        "id": next_dynamic_id(rc.shop),
        "account_id": account["id"],
        "kind": "credit",
        "amount": money(amount),
        "balance_after": account["balance"],
        "created_at": iso(rc.now),
        "expires_at": iso(parse_iso(str(expires_at))) if expires_at else None,
    }
    rc.shop["credit"]["transactions"][str(transaction["id"])] = transaction
    return transaction


def gift_card_create(rc, args: dict) -> dict:
    data = args.get("input") or {}
    if isinstance(data.get("initialAmount"), dict):  # MoneyInput; the deprecated initialValue is a Decimal
        value = parse_decimal(data["initialAmount"].get("amount"), "initialAmount")
    else:
        value = parse_decimal(data.get("initialValue"), "initialValue")
    code = data.get("code") or secrets.token_hex(8)
    error = _gift_card_error(rc, data, value, code)
    if error is not None:
        return {
            "__typename": "GiftCardCreatePayload",
            "giftCard": None,
            "giftCardCode": None,
            "userErrors": [error],
        }
    record = _new_gift_card(rc, data, value, code.lower())
    logger.info("devstore.gift_card.created", extra={"gift_card_id": record["id"]})
    return {
        "__typename": "GiftCardCreatePayload",
        "giftCard": gift_card_view(rc.shop, record),
        "giftCardCode": code.lower(),
        "userErrors": [],
    }


def _gift_card_error(rc, data: dict, value: Decimal, code: str) -> dict | None:
    kind = "GiftCardUserError"
    if value <= 0:
        return user_error(
            kind, ["input", "initialValue"], "Initial value must be greater than 0", "GREATER_THAN"
        )
    customer = parse_gid(data.get("customerId")) if data.get("customerId") else None
    if data.get("customerId") and (
        customer is None or customer[0] != "Customer" or str(customer[1]) not in rc.shop["customers"]
    ):
        return user_error(kind, ["input", "customerId"], "Customer does not exist", "CUSTOMER_NOT_FOUND")
    if not _GIFT_CODE_RE.match(str(code)):
        return user_error(kind, ["input", "code"], "Code must be 8 to 20 letters or digits", "INVALID")
    if any(card["code_digest"] == digest(code.lower()) for card in rc.shop["credit"]["gift_cards"].values()):
        return user_error(kind, ["input", "code"], "Code has already been taken", "TAKEN")
    expires_on = data.get("expiresOn")
    if expires_on is not None and _date_before_today(expires_on, rc.now):
        return user_error(kind, ["input", "expiresOn"], "Expires on must be in the future", "INVALID")
    return None


def _date_before_today(value: object, now: float) -> bool:
    try:
        return date.fromisoformat(str(value)) < date.fromisoformat(iso(now)[:10])
    except ValueError as exc:
        raise GraphQLError(
            f"Argument 'expiresOn' has an invalid value ({value!r}). Expected type 'Date'.",
            "argumentLiteralsIncompatible",
        ) from exc


def _new_gift_card(rc, data: dict, value: Decimal, code: str) -> dict:
    customer = parse_gid(data.get("customerId")) if data.get("customerId") else None
    record = {
        "id": next_dynamic_id(rc.shop),
        "code_digest": digest(code),
        "last_characters": code[-4:],
        "masked_code": f"•••• •••• •••• {code[-4:]}",
        "initial_value": money(value),
        "balance": money(value),
        "currency": rc.shop["shop"]["currency"],
        "customer_id": customer[1] if customer else None,
        "note": data.get("note"),
        "expires_on": data.get("expiresOn"),
        "created_at": iso(rc.now),
    }
    rc.shop["credit"]["gift_cards"][str(record["id"])] = record
    return record

"""The Shopify side of store credit: the three Admin GraphQL operations, as plain values.

Errors are the client's typed ``ShopifyError``s (``shopapp/shopify/errors.py``): ``ShopifyUserErrors``
when Shopify refused, ``ShopifyAmbiguousError`` when a mutation may or may not have been applied.
Shopify ids stay strings (GIDs) and customer ids ints: they exceed 2**53."""
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from shopapp.models import Shop
from shopapp.shopify.client import AdminClient

from .rules.credit_marker import SeenCredit, iso_z

TRANSACTIONS_PAGE = 50


@dataclass(frozen=True)
class Applied:
    """What Shopify made: a store credit transaction or a gift card."""

    transaction_id: str = ""
    gift_card_id: str = ""


def customer_gid(shopify_id: int | str) -> str:
    return f"gid://shopify/Customer/{int(shopify_id)}"


def credit_account(shop: Shop, *, customer_id: int, amount: Decimal, currency: str, expires_at: datetime) -> Applied:
    data = AdminClient(shop).execute("StoreCreditAccountCredit", {
        "id": customer_gid(customer_id),
        "creditInput": {
            "creditAmount": {"amount": str(amount), "currencyCode": currency},
            "expiresAt": iso_z(expires_at),
            "notify": False,  # the app tells the shopper, in the conversation and by email
        },
    })
    transaction = (data.get("storeCreditAccountCredit") or {}).get("storeCreditAccountTransaction") or {}
    return Applied(transaction_id=str(transaction.get("id") or ""))


def create_gift_card(shop: Shop, *, customer_id: int, amount: Decimal, code: str, expires_on: date | None,
                     note: str) -> Applied:
    data = AdminClient(shop).execute("GiftCardCreate", {"input": {
        "initialAmount": {"amount": str(amount), "currencyCode": shop.currency},
        "code": code,
        "customerId": customer_gid(customer_id),
        "expiresOn": expires_on.isoformat() if expires_on else None,
        "note": note,
    }})
    card = (data.get("giftCardCreate") or {}).get("giftCard") or {}
    return Applied(gift_card_id=str(card.get("id") or ""))


def account_transactions(shop: Shop, *, customer_id: int, currency: str) -> tuple[list[SeenCredit], bool]:
    """The newest transactions of the customer's account(s) in ``currency`` (debits with an empty id)
    and whether that is all of them. A customer Shopify does not know has none."""
    data = AdminClient(shop).execute("CustomerStoreCreditTransactions", {
        "customerId": customer_gid(customer_id), "accounts": f"currency_code:{currency}", "first": TRANSACTIONS_PAGE,
    })
    seen, complete = [], True
    for account in ((data.get("customer") or {}).get("storeCreditAccounts") or {}).get("nodes") or []:
        transactions = account.get("transactions") or {}
        page = [_seen(node) for node in transactions.get("nodes") or []]
        page = [credit for credit in page if credit.currency == currency]
        if not page:
            continue
        seen.extend(page)
        complete = complete and not (transactions.get("pageInfo") or {}).get("hasNextPage")
    return seen, complete


def _seen(node: dict) -> SeenCredit:
    amount = node.get("amount") or {}
    expires_at = node.get("expiresAt")
    return SeenCredit(
        transaction_id=str(node.get("id") or ""),
        amount=Decimal(str(amount.get("amount") or "0")),
        currency=str(amount.get("currencyCode") or ""),
        created_at=_parse(node["createdAt"]),
        expires_at=_parse(expires_at) if expires_at else None,
    )


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))

"""The demo storefront's HTML: pure functions of the shop record. Every value that comes from
the shop's data (shop, customer and product names, addresses, order details) is escaped.

The page renders the chat widget's mount point exactly as the theme app extension's app embed
block does (see extensions/chat-widget/blocks/chat-embed.liquid), with the proxy path and the
asset URL under this shop's `/store/<shop>` prefix.
"""

from __future__ import annotations

from html import escape

from .seed_catalog import PRODUCTS

ACCENT_COLOR = "#008060"
POSITION = "right"
LOADER = "support-chat-loader.js"
PRODUCTS_SHOWN = 6
ORDERS_SHOWN = 10

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #202223; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 1rem; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; }
ul.products { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
  gap: 1rem; }
ul.products li, article.order { border: 1px solid #e1e3e5; border-radius: .5rem; padding: .75rem; }
article.order { margin-bottom: .75rem; }
footer { color: #6d7175; border-top: 1px solid #e1e3e5; }
"""


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def customer_name(customer: dict) -> str:
    return " ".join(part for part in (customer.get("first_name"), customer.get("last_name")) if part) or _fallback(
        customer
    )


def _fallback(customer: dict) -> str:
    return customer.get("email") or f"Customer {customer.get('id')}"


def render_storefront(record: dict, *, base: str, locale: str, customer: dict | None) -> str:
    """The storefront page of a shop record (state["shops"][shop]) for `customer` (or nobody)."""
    shop = record["shop"]
    currency = shop.get("currency", "USD")
    orders = _orders_of(record, customer) if customer else []
    return "".join(
        [
            "<!doctype html>\n",
            f'<html lang="{_e(locale)}">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<link rel="icon" href="data:,">\n',  # no favicon request
            f"<title>{_e(shop['name'])}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n",
            "<header>\n",
            f'<h1 class="shop-name">{_e(shop["name"])}</h1>\n',
            _account(record, base=base, locale=locale, customer=customer),
            "</header>\n<main>\n",
            _products(currency),
            _orders(orders) if customer else "",
            "</main>\n",
            f"<footer><p>{_e(shop['name'])} · {_e(shop.get('myshopify_domain', ''))} · "
            "a demo storefront of the dev store simulator</p></footer>\n",
            _chat_embed(base=base, locale=locale, customer=customer),
            "</body>\n</html>\n",
        ]
    )


def _account(record: dict, *, base: str, locale: str, customer: dict | None) -> str:
    if customer is not None:
        return (
            '<p class="account">Logged in as '
            f'<strong class="customer-name">{_e(customer_name(customer))}</strong> '
            f'<a href="{_e(base)}/account/logout?locale={_e(locale)}">Log out</a></p>\n'
        )
    options = "".join(
        f'<option value="{_e(c["id"])}">{_e(customer_name(c))} ({_e((c.get("address") or {}).get("country_code", ""))})'
        "</option>"
        for c in record["customers"].values()
    )
    return (
        f'<form class="account" method="get" action="{_e(base)}/account/login">'
        '<label for="login-customer">Log in as</label> '
        f'<select id="login-customer" name="customer_id">{options}</select> '
        f'<input type="hidden" name="locale" value="{_e(locale)}">'
        '<button type="submit">Log in</button></form>\n'
    )


def _products(currency: str) -> str:
    items = "".join(
        f'<li><h3>{_e(p.title)}</h3><p>{_e(p.vendor)}</p><p class="price">{_e(p.price)} {_e(currency)}</p></li>'
        for p in PRODUCTS[:PRODUCTS_SHOWN]
    )
    return (
        f'<section aria-labelledby="products-heading"><h2 id="products-heading">Products</h2>'
        f'<ul class="products">{items}</ul></section>\n'
    )


def _orders_of(record: dict, customer: dict) -> list[dict]:
    mine = [o for o in record["orders"].values() if str(o.get("customer_id")) == str(customer["id"])]
    return sorted(mine, key=lambda o: o.get("created_at") or "", reverse=True)[:ORDERS_SHOWN]


def _orders(orders: list[dict]) -> str:
    if not orders:
        body = "<p>No orders yet.</p>"
    else:
        body = "".join(_order(order) for order in orders)
    return f'<section aria-labelledby="orders-heading"><h2 id="orders-heading">Your orders</h2>{body}</section>\n'


def _order(order: dict) -> str:
    items = "".join(f"<li>{_e(item['quantity'])} × {_e(item['title'])}</li>" for item in order.get("line_items", []))
    parcels = "".join(
        f"<li>{_e(t.get('company'))} {_e(t.get('number'))}</li>"
        for fulfillment in order.get("fulfillments", [])
        for t in fulfillment.get("tracking", [])
    )
    shipping = str(order.get("shipping_state", "")).replace("_", " ")
    return (
        f'<article class="order" data-order-name="{_e(order["name"])}">'
        f"<h3>{_e(order['name'])}</h3>"
        f"<p>{_e(order.get('created_at', '')[:10])} · {_e(order.get('total'))} {_e(order.get('currency'))} · "
        f"{_e(shipping)}</p><ul>{items}</ul>"
        + (f'<p>Tracking:</p><ul class="tracking">{parcels}</ul>' if parcels else "")
        + "</article>"
    )


def _chat_embed(*, base: str, locale: str, customer: dict | None) -> str:
    """The contract's markup (the app embed block renders the same)."""
    customer_id = str(customer["id"]) if customer else ""
    return (
        f'<div id="support-chat-root" hidden data-proxy="{_e(base)}/apps/support" data-locale="{_e(locale)}" '
        f'data-color="{ACCENT_COLOR}" data-position="{POSITION}" data-customer="{_e(customer_id)}"></div>\n'
        f'<script src="{_e(base)}/cdn/extensions/{LOADER}" defer></script>\n'
    )


def render_message(status_text: str, message: str) -> str:
    """A small error page (the message may hold request data: escaped)."""
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{_e(status_text)}</title></head>'
        f"<body><h1>{_e(status_text)}</h1><p>{_e(message)}</p></body></html>\n"
    )

"""What an agent may offer as store credit in a conversation right now: the customer's orders credit can
go on, for one of them (the newest by default) the allowance, and the conversation's grants.

The allowance is ``rules.credit_allowance`` (the request check read backwards) over the same terms and
sums a request is checked against (``selectors.credit``), so the admin never offers more than a
request would be granted. It is a snapshot: a request made later is checked again under the lock."""
from datetime import datetime
from decimal import Decimal

from django.http import Http404
from django.utils import timezone

from shopapp.models import Agent, Shop
from support.models import Conversation, Order
from support.rules import credit_allowance as rules
from support.rules.credit_policy import PolicyView, customer_refusal, may_approve
from support.selectors import credit as credit_selectors

CHOOSABLE_ORDERS = 10  # the customer's newest orders offered to choose from


def _money(value: Decimal | None) -> str | None:
    return str(value) if value is not None else None


def _choosable(shop: Shop, conversation: Conversation) -> list[Order]:
    """The customer's newest orders that are not cancelled (credit can go on them)."""
    return list(Order.objects.filter(shop_id=shop.pk, customer_id=conversation.customer_id, cancelled_at__isnull=True,
                                     redacted_at__isnull=True)
                .order_by("-shopify_created_at", "-pk")[:CHOOSABLE_ORDERS])


def _chosen(shop: Shop, conversation: Conversation, orders: list[Order], order_id: int | None) -> Order | None:
    """The order asked for (404 unless it is the conversation customer's), else the newest one."""
    if order_id is None:
        return orders[0] if orders else None
    order = next((order for order in orders if order.shopify_id == order_id), None) or Order.objects.filter(
        shop_id=shop.pk, customer_id=conversation.customer_id, shopify_id=order_id).first()
    if order is None:
        raise Http404("no such order")
    return order


def order_allowance(policy: PolicyView, order: Order, agent: Agent, *, now: datetime) -> dict:
    """The allowance on ``order`` for ``agent``'s role, money as strings in the credit's currency."""
    terms = credit_selectors.order_credit_terms(order, policy.instrument)
    converted = terms["currency"] != order.currency
    on_order = credit_selectors.granted_on_order(order)
    result = rules.allowance(
        policy, rules.OrderTerms(total=terms["total"], currency=terms["currency"], cancelled=terms["cancelled"],
                                 shop_total=terms["shop_total"] if converted else None),
        granted_on_order=on_order,
        granted_to_customer_30d=credit_selectors.granted_to_customer(order.customer_id, order.shop_id, now=now),
        requester_role=agent.role,
    )
    customer = order.customer
    refusal = customer_refusal(shopify_id=customer.shopify_id, erased=customer.redacted_at is not None)
    refusal = refusal or result.refusal  # a request checks the customer first, then the policy
    return {
        "order_id": str(order.shopify_id), "order_name": order.name, "currency": terms["currency"],
        "order_total": _money(terms["total"]), "granted_on_order": _money(on_order),
        "max_amount": _money(rules.ZERO if refusal else result.max_amount),
        "auto_approve_up_to": _money(result.auto_approve_up_to),
        "limits": {"order_share_left": _money(result.order_share_left), "per_grant": _money(result.per_grant),
                   "customer_30d_left": _money(result.customer_30d_left)},
        "reasons": list(policy.reasons), "expiry_days": policy.expiry_days, "feedback_first": policy.feedback_first,
        "may_request": refusal is None, "refusal": refusal,
    }


def conversation_credit(shop: Shop, agent: Agent, conversation: Conversation, *, order_id: int | None = None,
                        now: datetime | None = None) -> dict:
    """The credit panel of ``conversation`` (already scoped to ``agent``'s shop): the policy, the orders
    to choose from, the allowance on the chosen order (None when the customer has none), whether the
    agent may approve, and the conversation's grants (pending approvals first). Constant queries."""
    policy = credit_selectors.policy_for(shop)
    orders = _choosable(shop, conversation)
    order = _chosen(shop, conversation, orders, order_id)
    if order is not None:
        order.customer = conversation.customer
    return {
        "policy": credit_selectors.policy_settings(shop),
        "orders": [{"id": str(o.shopify_id), "name": o.name,
                    "created_at": o.shopify_created_at.isoformat() if o.shopify_created_at else None}
                   for o in orders],
        "allowance": order_allowance(policy, order, agent, now=now or timezone.now()) if order else None,
        "may_approve": may_approve(policy, agent.role),
        "grants": credit_selectors.grant_list(agent, conversation_id=conversation.pk),
    }

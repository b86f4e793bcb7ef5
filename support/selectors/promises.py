"""The shop's promise policy (what its people may promise a shopper), for the outgoing-text guardrail."""
from shopapp.models import Shop
from support.rules.promises import PromisePolicy


def promise_policy(shop: Shop) -> PromisePolicy:
    """Hook for the store-credit policy issue: read what the shop allows from its settings. Until
    then nothing is allowed, so every refund or compensation promise warns the agent."""
    return PromisePolicy()

"""Writes of store credit before Shopify: a request checked against the shop's policy, a supervisor's
approval or rejection, the shopper's feedback releasing a "feedback first" grant, and the merchant's
policy. Issuing is ``credit_issuance``'s (queued after commit, once a grant is approved).

Concurrency: every write on a customer's grants takes the customer's row lock first (then the
grant's), and the policy's sums are read under it, so concurrent requests can never pass a cap
together. A repeated request (same ``request_key``) returns the grant already there and does
nothing else. A refusal raises ``CreditRefused`` (``CreditForbidden`` for roles: a 403) and writes
nothing: no grant, no ledger entry, no timeline event.

Who decides: ``may_approve`` (the policy's ``approve_role`` or above) approves and rejects. Nobody
approves their own request except the owner (the owner answers to no one; in a shop of one person
there is no one else). Anyone who may approve may reject, their own request included (a withdrawal).
A request at or above the auto-approval threshold waits for a decision even when its requester could
approve it: the decision is then an explicit, recorded step."""
import logging
from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from shopapp.models import Agent, Role, Shop
from shopapp.refusals import Refused
from support.actions.credit_events import credit_timeline
from support.actions.credit_issuance import enqueue_issuance
from support.actions.credit_notices import ask_for_feedback
from support.models import (
    AuditEvent,
    Conversation,
    CreditGrant,
    CreditLedgerEntry,
    CreditPolicy,
    Customer,
    GrantState,
    Order,
)
from support.rules import credit_policy as rules
from support.rules.pan import mask_card_numbers
from support.selectors import credit as selectors
from support.selectors.locks import hold_conversation, lock_customer, lock_grant, lock_grants

logger = logging.getLogger(__name__)

MAX_NOTE = 1000
MAX_KEY = 128
POLICY_EDITOR = Role.ADMIN
POLICY_UPDATED = "settings.credit_policy.updated"


class CreditRefused(Refused):
    pass


class CreditForbidden(CreditRefused):
    """The agent's role may not do this: one of ``FORBIDDEN``."""


FORBIDDEN = {"role_may_not_request", "role_may_not_approve", "own_request", "role_may_not_edit_policy"}


def _refuse(reason: str, event: str, **extra) -> CreditRefused:
    """The refusal to raise, logged once (ids and the reason only)."""
    logger.info(event, extra={"reason": reason, **extra})
    return (CreditForbidden if reason in FORBIDDEN else CreditRefused)(reason)


def _clean_note(note, *, event: str, required: bool = False) -> str:
    note = (note or "").strip() if isinstance(note, str | None) else None
    if note is None or len(note) > MAX_NOTE:
        raise _refuse("note_too_long" if note else "note_not_text", event)
    if required and not note:
        raise _refuse("note_required", event)
    return mask_card_numbers(note)[0]


# --- the request ----------------------------------------------------------------------------------

def request_credit(*, shop: Shop, order: Order, customer: Customer, conversation: Conversation | None, amount,
                   reason: str, note: str = "", requester: Agent | None, request_key: str,
                   feedback_first: bool = False, currency: str | None = None) -> tuple[CreditGrant, bool]:
    """A grant of ``amount`` (in the order's currency; ``currency`` defaults to it) on ``order`` for
    ``customer``, or the grant already made under ``request_key``. ``requester`` None: the app
    offered it. State: ``approved`` below the auto-approval threshold (issuance queued after commit),
    ``pending_approval`` at or above it, ``awaiting_feedback`` for a feedback-first grant (the flag or
    the policy's switch, with a conversation) until the shopper rates the conversation."""
    existing = _by_key(shop, request_key)
    if existing is not None:
        return existing, False
    note = _check_parties(shop, order, customer, conversation, requester, request_key, feedback_first, note)
    try:
        with transaction.atomic():
            lock_customer(customer.pk)
            existing = _by_key(shop, request_key)  # a concurrent identical request got here first
            if existing is not None:
                return existing, False
            grant = _create_grant(shop, order.pk, customer, conversation, amount=amount, reason=reason, note=note,
                                  requester=requester, request_key=request_key, feedback_first=feedback_first,
                                  currency=currency)
    except IntegrityError:
        existing = _by_key(shop, request_key)
        if existing is None:
            raise
        return existing, False
    logger.info("credit.requested", extra={"shop_id": shop.pk, "grant_id": grant.pk, "state": grant.state})
    return grant, True


def _by_key(shop: Shop, request_key: str) -> CreditGrant | None:
    return CreditGrant.objects.filter(shop=shop, request_key=request_key).first()


def _check_parties(shop, order, customer, conversation, requester, request_key, feedback_first, note) -> str:
    """The request's parties belong together; returns the cleaned note."""
    event, ids = "credit.request.refused", {"shop_id": shop.pk, "order_id": order.pk}
    if not isinstance(request_key, str) or not request_key or len(request_key) > MAX_KEY:
        raise _refuse("invalid_request_key", event, **ids)
    if {order.shop_id, customer.shop_id} != {shop.pk} or order.customer_id != customer.pk:
        raise _refuse("order_not_customers", event, **ids)
    if conversation is not None and (conversation.shop_id != shop.pk or conversation.customer_id != customer.pk):
        raise _refuse("conversation_not_customers", event, **ids)
    if requester is not None and requester.shop_id != shop.pk:
        raise _refuse("requester_not_in_shop", event, **ids)
    refusal = rules.customer_refusal(shopify_id=customer.shopify_id, erased=customer.redacted_at is not None)
    if refusal:
        raise _refuse(refusal, event, **ids)
    if feedback_first and conversation is None:
        raise _refuse("feedback_needs_conversation", event, **ids)
    return _clean_note(note, event=event)


def _create_grant(shop, order_id, customer, conversation, *, amount, reason, note, requester, request_key,
                  feedback_first, currency) -> CreditGrant:
    """Under the customer's lock: check the policy against fresh sums, then write the grant, its ledger
    and the conversation's timeline."""
    order = Order.objects.get(pk=order_id)
    policy = selectors.policy_for(shop)
    terms = selectors.order_credit_terms(order, policy.instrument)
    decision = _check(policy, order, terms, amount=amount, currency=currency or terms["currency"], reason=reason,
                      requester_role=requester.role if requester else None)
    if not decision.ok:
        raise _refuse(decision.refusal_reason, "credit.request.refused", shop_id=shop.pk, order_id=order.pk)
    feedback = conversation is not None and (feedback_first or policy.feedback_first)
    state = GrantState.PENDING_APPROVAL if decision.needs_approval else _released(conversation, feedback)
    grant = CreditGrant.objects.create(
        shop=shop, customer=customer, order=order, conversation=conversation, request_key=request_key,
        amount=rules.money(amount), currency=terms["currency"], reason=reason, note=note, instrument=policy.instrument,
        state=state, requested_by=requester, expires_at=_expiry(policy) if state == GrantState.APPROVED else None,
    )
    _ledger(grant, "requested", agent=requester, data={
        "amount": str(grant.amount), "currency": grant.currency, "reason": reason, "order_id": str(order.shopify_id),
        "note": note, "needs_approval": decision.needs_approval, "feedback_first": feedback,
    })
    if state == GrantState.APPROVED:
        _ledger(grant, "auto_approved", data={"auto_approve_below": str(policy.auto_approve_below)})
    credit_timeline(grant, "credit.requested", agent=requester, data={"state": state})
    _after_commit(grant)
    return grant


def _check(policy: rules.PolicyView, order: Order, terms: dict, *, amount, currency, reason, requester_role,
           exclude_grant_id: int | None = None) -> rules.Decision:
    """The policy's verdict on ``amount`` for ``order`` against the grants counted now."""
    value = rules.money(amount)
    shop_amount = None
    if value is not None and terms["currency"] != order.currency:
        shop_amount = rules.in_shop_currency(value, order_total=terms["total"], order_shop_total=terms["shop_total"])
    return rules.check_request(
        policy, amount=amount, currency=currency, reason=reason, order_total=terms["total"],
        order_currency=terms["currency"], order_cancelled=terms["cancelled"], shop_amount=shop_amount,
        granted_on_order=selectors.granted_on_order(order, exclude_grant_id=exclude_grant_id),
        granted_to_customer_30d=selectors.granted_to_customer(
            order.customer_id, order.shop_id, now=timezone.now(), exclude_grant_id=exclude_grant_id),
        requester_role=requester_role,
    )


def _released(conversation: Conversation | int | None, feedback_first: bool) -> str:
    """The state of a grant nobody needs to approve: waiting for the shopper's rating (feedback first,
    not rated yet), else approved. The rating is read under a lock that waits for a rating being
    written: a rating committed after this read sees the grant (``ratings`` then calls
    ``feedback_received``), one committed before is seen here."""
    if feedback_first and hold_conversation(getattr(conversation, "pk", conversation)).rated_at is None:
        return GrantState.AWAITING_FEEDBACK
    return GrantState.APPROVED


def _expiry(policy: rules.PolicyView, now=None):
    """When an approved credit expires: the policy's days from the approval, None when it never does."""
    return (now or timezone.now()) + timedelta(days=policy.expiry_days) if policy.expiry_days else None


def _ledger(grant: CreditGrant, kind: str, *, agent: Agent | None = None, data: dict | None = None) -> None:
    CreditLedgerEntry.objects.create(shop_id=grant.shop_id, grant=grant, kind=kind,
                                     actor="agent" if agent else "system", agent=agent, data=data or {})


def _after_commit(grant: CreditGrant) -> None:
    """An approved grant is queued for issuance; for one waiting for feedback the shopper is asked
    (``credit_notices``, once per grant: the late-order offers ask too)."""
    grant_id = grant.pk
    if grant.state == GrantState.APPROVED:
        transaction.on_commit(lambda: enqueue_issuance(grant_id))
    elif grant.state == GrantState.AWAITING_FEEDBACK:
        transaction.on_commit(lambda: ask_for_feedback(CreditGrant.objects.get(pk=grant_id)), robust=True)


# --- decisions ------------------------------------------------------------------------------------

def approve_grant(grant_id, *, agent: Agent, note: str = "") -> CreditGrant:
    """Approve a grant waiting for a supervisor, after checking the policy again (it may have changed,
    the order may have been cancelled). Then issued (queued after commit), or, for a feedback-first
    grant whose conversation is not rated yet, waiting for the rating."""
    grant = selectors.access_grant(agent, grant_id)
    policy = selectors.policy_for(agent.shop_id)
    event, ids = "credit.approve.refused", {"shop_id": agent.shop_id, "grant_id": grant.pk, "agent_id": agent.pk}
    if not rules.may_approve(policy, agent.role):
        raise _refuse("role_may_not_approve", event, **ids)
    if grant.requested_by_id == agent.pk and agent.role != Role.OWNER:
        raise _refuse("own_request", event, **ids)
    note = _clean_note(note, event=event)
    with transaction.atomic():
        lock_customer(grant.customer_id)
        grant = lock_grant(grant.pk)
        if grant.state != GrantState.PENDING_APPROVAL:
            raise _refuse("grant_not_pending", event, **ids)
        decision = _recheck(policy, grant)
        if not decision.ok:
            raise _refuse(decision.refusal_reason, event, **ids)
        feedback = grant.conversation_id is not None and _asked_feedback_first(grant)
        _decide(grant, state=_released(grant.conversation_id, feedback), agent=agent, note=note, policy=policy)
        _ledger(grant, "approved", agent=agent, data={"note": note})
        credit_timeline(grant, "credit.approved", agent=agent, data={"state": grant.state})
        _after_commit(grant)
    logger.info("credit.approved", extra={**ids, "state": grant.state})
    return grant


def reject_grant(grant_id, *, agent: Agent, note: str) -> CreditGrant:
    """Reject a grant waiting for a supervisor or for the shopper's feedback; the note (why) is required.
    A rejected grant never reaches Shopify."""
    grant = selectors.access_grant(agent, grant_id)
    policy = selectors.policy_for(agent.shop_id)
    event, ids = "credit.reject.refused", {"shop_id": agent.shop_id, "grant_id": grant.pk, "agent_id": agent.pk}
    if not rules.may_approve(policy, agent.role):
        raise _refuse("role_may_not_approve", event, **ids)
    note = _clean_note(note, event=event, required=True)
    with transaction.atomic():
        grant = lock_grant(grant.pk)
        if grant.state not in (GrantState.PENDING_APPROVAL, GrantState.AWAITING_FEEDBACK):
            raise _refuse("grant_not_pending", event, **ids)
        _decide(grant, state=GrantState.REJECTED, agent=agent, note=note, policy=policy)
        _ledger(grant, "rejected", agent=agent, data={"note": note})
        credit_timeline(grant, "credit.rejected", agent=agent)
    logger.info("credit.rejected", extra=ids)
    return grant


def _recheck(policy: rules.PolicyView, grant: CreditGrant) -> rules.Decision:
    """The policy as it is now, for a grant already counted in the sums (so left out of them)."""
    order = Order.objects.get(pk=grant.order_id)
    terms = selectors.order_credit_terms(order, grant.instrument)
    return _check(policy, order, terms, amount=grant.amount, currency=grant.currency, reason=grant.reason,
                  requester_role=None, exclude_grant_id=grant.pk)


def _asked_feedback_first(grant: CreditGrant) -> bool:
    requested = CreditLedgerEntry.objects.filter(grant=grant, kind="requested").values_list("data", flat=True).first()
    return bool(requested and requested.get("feedback_first"))


def _decide(grant: CreditGrant, *, state: str, agent: Agent | None, note: str, policy: rules.PolicyView) -> None:
    now = timezone.now()
    grant.state, grant.decided_by, grant.decision_note, grant.decided_at = state, agent, note, now
    fields = ["state", "decided_by", "decision_note", "decided_at", "updated_at"]
    if state == GrantState.APPROVED:
        grant.expires_at = _expiry(policy, now)
        fields.append("expires_at")
    grant.save(update_fields=fields)


# --- feedback first -------------------------------------------------------------------------------

def feedback_received(conversation: Conversation) -> list[int]:
    """The shopper rated ``conversation``: its grants waiting for feedback are approved (the policy
    checked again; a grant that no longer fits is rejected by the system with the reason) and queued
    for issuance. Any rating counts: credit is never conditional on a good review. Returns the ids of
    the grants approved. Safe to call again."""
    waiting = CreditGrant.objects.filter(shop_id=conversation.shop_id, conversation_id=conversation.pk,
                                         state=GrantState.AWAITING_FEEDBACK)
    grant_ids = list(waiting.values_list("pk", flat=True))
    if not grant_ids:
        return []
    policy, approved = selectors.policy_for(conversation.shop_id), []
    with transaction.atomic():
        lock_customer(conversation.customer_id)
        rating = Conversation.objects.filter(pk=conversation.pk).values_list("rating", flat=True).first()
        for grant in lock_grants(grant_ids):
            if grant.state != GrantState.AWAITING_FEEDBACK or rating is None:
                continue
            _ledger(grant, "feedback_received", data={"rating": rating})
            decision = _recheck(policy, grant)
            if decision.ok:
                _decide(grant, state=GrantState.APPROVED, agent=None, note="", policy=policy)
                _ledger(grant, "auto_approved", data={"after": "feedback"})
                approved.append(grant.pk)
            else:
                _decide(grant, state=GrantState.REJECTED, agent=None, note=decision.refusal_reason, policy=policy)
                _ledger(grant, "rejected", data={"reason": decision.refusal_reason})
            credit_timeline(grant, f"credit.{'approved' if decision.ok else 'rejected'}", data={"state": grant.state})
            _after_commit(grant)
    logger.info("credit.feedback_received", extra={"conversation_id": conversation.pk, "approved": len(approved),
                                                   "waiting": len(grant_ids)})
    return approved


# --- the policy -----------------------------------------------------------------------------------

def update_policy(shop: Shop, *, agent: Agent, data) -> CreditPolicy:
    """Change the fields of ``data`` (the others keep their value; see ``rules.validate_policy``).
    Owners and admins only. Audited with the fields changed and their new values (no personal data)."""
    event = "credit.policy.refused"
    if agent.shop_id != shop.pk or not agent.has_role(POLICY_EDITOR):
        raise _refuse("role_may_not_edit_policy", event, shop_id=shop.pk, agent_id=agent.pk)
    try:
        values = rules.validate_policy(data)
    except rules.PolicyInvalid as error:
        logger.info(event, extra={"reason": error.reason, "shop_id": shop.pk, "fields": sorted(error.fields)})
        raise
    with transaction.atomic():
        row, created = CreditPolicy.objects.select_for_update().get_or_create(shop=shop, defaults=values)
        changed = sorted(values) if created else sorted(name for name, value in values.items()
                                                        if getattr(row, name) != value)
        if changed and not created:
            for name in changed:
                setattr(row, name, values[name])
            row.save(update_fields=[*changed, "updated_at"])
        if changed:
            shown = {name: _shown(values[name]) for name in changed}
            AuditEvent.objects.create(shop=shop, action=POLICY_UPDATED, actor="agent", agent=agent,
                                      target="credit_policy", data={"fields": changed, "values": shown})
    logger.info("credit.policy.updated", extra={"shop_id": shop.pk, "agent_id": agent.pk, "fields": changed})
    return row


def _shown(value):
    return str(value) if isinstance(value, Decimal) else value

"""Issuing an approved store-credit grant through Shopify, exactly once (see the module map in
support/README.md). ``enqueue_issuance`` is what the request and approval actions call after commit.

One grant, one credit: ``issue_grant`` holds the grant's issuing lock (a PostgreSQL advisory lock)
for the whole attempt, moves the grant APPROVED -> ISSUING and commits before it calls Shopify, so a
crash leaves ISSUING (the sweep reconciles it, never re-sends blindly). Every attempt after the first
is preceded by a reconciliation that reads the customer's account for the grant's marker
(``rules/credit_marker.py``). Shopify's userErrors end the grant as FAILED with the reason; a timeout,
a reset connection or a 5xx on the mutation make it UNCERTAIN and it is reconciled at once: found ->
ISSUED, absent -> APPROVED and retried by the task with backoff (``MAX_ATTEMPTS`` sends at most), a
failed read -> it stays UNCERTAIN for the sweep. Throttling is retried inside the client."""
import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from shopapp.shopify.errors import ShopifyError, ShopifyUserErrors
from support import shopify_credit
from support.actions.credit_events import credit_timeline
from support.models import CreditGrant, CreditInstrument, CreditLedgerEntry, GrantState
from support.rules import credit_marker as marker
from support.selectors.credit import policy_for
from support.selectors.locks import issuing_lock, lock_grant, try_issuing_xact_lock

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_DELAYS = (10, 20, 40, 50)  # seconds before the task's retries, all under the sweep's minute
LOST_TASK_AFTER = timedelta(minutes=1)  # an approved or uncertain grant untouched this long lost its task
STALE_ISSUING_AFTER = timedelta(minutes=5)  # longer than any call (HTTP timeout, throttle waits)
SWEEP_LIMIT = 200

# What issue_grant returns.
ISSUED = "issued"
FAILED = "failed"
RETRY = "retry"  # not applied: the task tries again later (after a reconciliation)
UNCERTAIN = "uncertain"  # Shopify could not tell us: the sweep reconciles
BUSY = "busy"  # another worker holds the grant's issuing lock
SKIPPED = "skipped"  # gone, not approved, already issued or failed, or being issued
SENDABLE_STATES = (GrantState.APPROVED, GrantState.UNCERTAIN)


def enqueue_issuance(grant_id: int) -> None:
    """Queue the grant's issuance. With the broker down the grant stays approved in the database and
    the sweep (``sweep_credit_grants_task``) queues it later: nothing is lost, nothing is doubled."""
    from support.tasks import issue_credit_task  # tasks import the actions

    try:
        issue_credit_task.delay(grant_id)
    except Exception:  # noqa: BLE001 - broker down: the sweep finds the approved grant
        logger.warning("credit.enqueue_failed", extra={"grant_id": grant_id})


def retry_delay(retries: int) -> int:
    return RETRY_DELAYS[min(retries, len(RETRY_DELAYS) - 1)]


def issue_grant(grant_id: int) -> str:
    """Issue one grant, at most once. Returns one of the outcomes above."""
    with issuing_lock(grant_id) as held:
        if not held:
            logger.info("credit.issue.busy", extra={"grant_id": grant_id})
            return BUSY
        grant = CreditGrant.objects.select_related("shop", "customer").filter(pk=grant_id).first()
        if grant is None or grant.state not in SENDABLE_STATES:
            return _skip(grant_id, grant.state if grant else "gone")
        if grant.state == GrantState.UNCERTAIN or grant.attempts > 0:
            outcome = reconcile_grant(grant)
            if outcome:
                return outcome
        grant = _start_attempt(grant_id)
        if isinstance(grant, str):
            return grant
        return _send(grant)


def _skip(grant_id: int, state: str) -> str:
    logger.info("credit.issue.skipped", extra={"grant_id": grant_id, "state": state})
    return SKIPPED


def _start_attempt(grant_id: int) -> CreditGrant | str:
    """tx1: APPROVED -> ISSUING with the marker set on the first attempt; committed before the call."""
    with transaction.atomic():
        grant = lock_grant(grant_id)
        if grant is None or grant.state != GrantState.APPROVED:
            return _skip(grant_id, grant.state if grant else "gone")
        refusal = _refusal(grant)
        if refusal:
            _fail(grant, *refusal)
            return FAILED
        now = timezone.now()
        if grant.attempts == 0:
            grant.expires_at = _marker_expiry(grant, now)
            grant.issuing_started_at = now
        grant.attempts += 1
        grant.state = GrantState.ISSUING
        grant.save(update_fields=["expires_at", "issuing_started_at", "attempts", "state", "updated_at"])
        data = {"attempt": grant.attempts, "expires_at": marker.iso_z(grant.expires_at)}
        if grant.instrument == CreditInstrument.GIFT_CARD:
            data["code_digest"] = marker.code_digest(gift_card_code(grant))
        _ledger(grant, "issuing", **data)
    logger.info("credit.issue.attempt", extra={"grant_id": grant_id, "attempt": grant.attempts})
    return grant


def _refusal(grant: CreditGrant) -> tuple[str, str] | None:
    """Why this grant cannot be sent at all (decided locally, Shopify never called)."""
    if grant.attempts >= MAX_ATTEMPTS:
        message = f"Shopify gave no clear answer in {grant.attempts} attempts; no credit was found."
        if grant.instrument == CreditInstrument.GIFT_CARD:
            message = (f"Shopify gave no clear answer in {grant.attempts} attempts; check the shop's gift cards "
                       f"for the code ending {gift_card_code(grant)[-4:]} before issuing again.")
        return "gave_up", message
    if grant.customer.shopify_id is None:
        return "no_shopify_customer", "The customer has no Shopify account to credit."
    shop_currency = grant.shop.currency
    if grant.instrument == CreditInstrument.GIFT_CARD and shop_currency and grant.currency != shop_currency:
        return "gift_card_currency", f"Gift cards are issued in the shop's currency ({shop_currency})."
    if grant.instrument == CreditInstrument.GIFT_CARD and grant.attempts and _first_code_digest(grant) not in (
        "", marker.code_digest(gift_card_code(grant)),
    ):
        return "gift_card_code_changed", "The app's secret changed since the first attempt; check the gift cards."
    return None


def _marker_expiry(grant: CreditGrant, now):
    """The grant's expiresAt (its marker): on the day already set on the grant, else the policy's."""
    zone = marker.shop_zone(grant.shop.timezone)
    if grant.expires_at is not None:
        day = grant.expires_at.astimezone(zone).date()
    else:
        day = marker.expiry_day(today=now.astimezone(zone).date(), expiry_days=policy_for(grant.shop).expiry_days)
    return marker.marker_expiry(grant.pk, day=day, zone=grant.shop.timezone)


def gift_card_code(grant: CreditGrant) -> str:
    """The grant's gift card code (never stored: derived from the app's secret), for the shopper's notice."""
    return marker.gift_card_code(settings.SECRET_KEY, shop_domain=grant.shop.domain, grant_id=grant.pk,
                                 request_key=grant.request_key)


def _first_code_digest(grant: CreditGrant) -> str:
    entry = grant.ledger.filter(kind="issuing").order_by("pk").first()
    return (entry.data.get("code_digest") or "") if entry else ""


def _send(grant: CreditGrant) -> str:
    """The call, with the grant in ISSUING (committed) and its issuing lock held."""
    try:
        applied = _call(grant)
    except ShopifyUserErrors as error:
        if _our_gift_card_exists(grant, error):
            _finish_issued(grant.pk, shopify_credit.Applied(), reconciled_by="gift_card_code_taken")
            return ISSUED
        first = error.user_errors[0] if error.user_errors else {}
        _fail(grant.pk, str(first.get("code") or "USER_ERROR"), str(first.get("message") or "Shopify refused it"))
        return FAILED
    except ShopifyError as error:
        code = error.code or type(error).__name__
        if error.ambiguous:
            _mark_uncertain(grant.pk, code)
            return reconcile_grant(grant) or RETRY
        if error.retryable:
            _back_to_approved(grant.pk, "attempt_failed", code=code)
            return RETRY
        _fail(grant.pk, code, str(error))
        return FAILED
    _finish_issued(grant.pk, applied)
    return ISSUED


def _call(grant: CreditGrant) -> shopify_credit.Applied:
    customer_id = grant.customer.shopify_id
    if grant.instrument == CreditInstrument.GIFT_CARD:
        expires = marker.shown_expiry(grant.expires_at)
        return shopify_credit.create_gift_card(
            grant.shop, customer_id=customer_id, amount=grant.amount, code=gift_card_code(grant),
            expires_on=expires.astimezone(marker.shop_zone(grant.shop.timezone)).date() if expires else None,
            note=f"Support credit grant {grant.pk} ({grant.reason})",
        )
    return shopify_credit.credit_account(grant.shop, customer_id=customer_id, amount=grant.amount,
                                         currency=grant.currency, expires_at=grant.expires_at)


def _our_gift_card_exists(grant: CreditGrant, error: ShopifyUserErrors) -> bool:
    """After an unclear attempt, TAKEN on the grant's own code means that attempt made the card."""
    return grant.instrument == CreditInstrument.GIFT_CARD and grant.attempts > 1 and any(
        item.get("code") == "TAKEN" and "code" in (item.get("field") or []) for item in error.user_errors
    )


def reconcile_grant(grant: CreditGrant) -> str:
    """Look for the grant's credit on Shopify (its issuing lock held). Returns ISSUED when found,
    UNCERTAIN when Shopify could not be read (or not far enough back), "" when it is surely absent
    (the grant is then APPROVED again)."""
    if grant.attempts == 0 or grant.expires_at is None:  # never sent: nothing to look for
        _back_to_approved(grant.pk, "reconciled", found=False, method="never_sent")
        return ""
    if grant.instrument == CreditInstrument.GIFT_CARD:
        # No gift card search in the dev store: the retry itself is the check (same code -> TAKEN).
        _back_to_approved(grant.pk, "reconciled", found=False, method="gift_card_code")
        return ""
    try:
        seen, complete = shopify_credit.account_transactions(
            grant.shop, customer_id=grant.customer.shopify_id, currency=grant.currency)
    except ShopifyError as error:
        _mark_uncertain(grant.pk, f"reconcile:{error.code or type(error).__name__}")
        return UNCERTAIN
    since = grant.issuing_started_at or grant.updated_at
    found = marker.find_credit(seen, amount=grant.amount, currency=grant.currency, expires_at=grant.expires_at,
                               since=since, claimed=_claimed(grant))
    if found is not None:
        _finish_issued(grant.pk, shopify_credit.Applied(transaction_id=found.transaction_id),
                       reconciled_by="account_transactions")
        return ISSUED
    if not marker.covers_window(seen, complete=complete, since=since):
        _mark_uncertain(grant.pk, "reconcile:window_not_covered")
        return UNCERTAIN
    _back_to_approved(grant.pk, "reconciled", found=False, method="account_transactions")
    return ""


def _claimed(grant: CreditGrant) -> frozenset[str]:
    """Transactions already recorded on the shop's other grants (never matched twice)."""
    return frozenset(
        CreditGrant.objects.filter(shop_id=grant.shop_id, customer_id=grant.customer_id)
        .exclude(pk=grant.pk).exclude(shopify_transaction_id="").values_list("shopify_transaction_id", flat=True)
    )


def _finish_issued(grant_id: int, applied: shopify_credit.Applied, *, reconciled_by: str = "") -> None:
    with transaction.atomic():
        grant = lock_grant(grant_id)
        if grant.state == GrantState.ISSUED:
            logger.warning("credit.issue.already_issued", extra={"grant_id": grant_id})
            return
        if reconciled_by:
            _ledger(grant, "reconciled", found=True, method=reconciled_by, transaction_id=applied.transaction_id,
                    gift_card_id=applied.gift_card_id)
        grant.state = GrantState.ISSUED
        grant.shopify_transaction_id = applied.transaction_id
        grant.shopify_gift_card_id = applied.gift_card_id
        grant.issued_at = timezone.now()
        grant.error_code, grant.error_message = "", ""
        grant.save(update_fields=["state", "shopify_transaction_id", "shopify_gift_card_id", "issued_at", "error_code",
                                  "error_message", "updated_at"])
        _ledger(grant, "issued", transaction_id=applied.transaction_id, gift_card_id=applied.gift_card_id,
                amount=str(grant.amount), currency=grant.currency, instrument=grant.instrument)
        credit_timeline(grant, "credit.issued", data={"state": grant.state})
        transaction.on_commit(lambda: _notify(grant))
    logger.info("credit.issue.issued", extra={"grant_id": grant_id, "reconciled": bool(reconciled_by)})


def _fail(grant_or_id, code: str, message: str) -> None:
    with transaction.atomic():
        grant = lock_grant(getattr(grant_or_id, "pk", grant_or_id))
        grant.state = GrantState.FAILED
        grant.error_code, grant.error_message = code[:64], message
        grant.save(update_fields=["state", "error_code", "error_message", "updated_at"])
        _ledger(grant, "failed", code=grant.error_code, message=message)
        credit_timeline(grant, "credit.failed", data={"state": grant.state, "code": grant.error_code})
    logger.info("credit.issue.failed", extra={"grant_id": grant.pk, "code": grant.error_code})


def _mark_uncertain(grant_id: int, code: str) -> None:
    with transaction.atomic():
        grant = lock_grant(grant_id)
        if grant.state not in (GrantState.ISSUING, GrantState.UNCERTAIN, GrantState.APPROVED):
            return
        grant.state = GrantState.UNCERTAIN
        grant.save(update_fields=["state", "updated_at"])
        _ledger(grant, "uncertain", code=code)
    logger.warning("credit.issue.uncertain", extra={"grant_id": grant_id, "code": code})


def _back_to_approved(grant_id: int, kind: str, **data) -> None:
    with transaction.atomic():
        grant = lock_grant(grant_id)
        if grant.state not in (GrantState.ISSUING, GrantState.UNCERTAIN, GrantState.APPROVED):
            return
        grant.state = GrantState.APPROVED
        grant.save(update_fields=["state", "updated_at"])
        _ledger(grant, kind, **data)


def _ledger(grant: CreditGrant, kind: str, **data) -> None:
    CreditLedgerEntry.objects.create(shop_id=grant.shop_id, grant=grant, kind=kind, actor="system", data=data)


def _notify(grant: CreditGrant) -> None:
    """Tell the shopper (``credit_notices.notify_credit_issued``), after commit; a failure there never
    touches the issued grant."""
    from support.actions.credit_notices import notify_credit_issued  # it imports this module

    try:
        notify_credit_issued(grant)
    except Exception:  # noqa: BLE001 - the credit is issued; the notices module logs and the sweep retries
        logger.exception("credit.notify.failed", extra={"grant_id": grant.pk})


def sweep_credit_grants(now) -> dict:
    """Beat sweep: re-enqueue approved grants whose task was lost, mark ISSUING grants nobody is
    working on (no issuing lock, untouched for ``STALE_ISSUING_AFTER``) UNCERTAIN, and enqueue every
    uncertain grant (the task reconciles before anything else). Returns the counts."""
    with transaction.atomic():
        approved = _sweepable(GrantState.APPROVED, now - LOST_TASK_AFTER)
        uncertain = _sweepable(GrantState.UNCERTAIN, now - LOST_TASK_AFTER)
        stale = [pk for pk in _sweepable(GrantState.ISSUING, now - STALE_ISSUING_AFTER) if try_issuing_xact_lock(pk)]
        for grant in CreditGrant.objects.filter(pk__in=stale).order_by("pk"):
            grant.state = GrantState.UNCERTAIN
            grant.save(update_fields=["state", "updated_at"])
            _ledger(grant, "uncertain", code="stale_issuing")
        queued = approved + uncertain + stale
        transaction.on_commit(lambda: [enqueue_issuance(pk) for pk in queued])
    if queued:
        logger.warning("credit.sweep.enqueued",
                       extra={"approved": len(approved), "uncertain": len(uncertain), "stale": len(stale)})
    unnotified = _unnotified(now)
    for grant in unnotified:  # issued, but the shopper's notice failed (idempotent: told once)
        _notify(grant)
    return {"approved": len(approved), "uncertain": len(uncertain), "stale_issuing": len(stale),
            "notified": len(unnotified)}


def _unnotified(now) -> list[CreditGrant]:
    return list(
        CreditGrant.objects.select_related("shop", "conversation").filter(
            state=GrantState.ISSUED, conversation__isnull=False, issued_at__lt=now - LOST_TASK_AFTER,
            issued_at__gte=now - timedelta(days=1),
        ).exclude(ledger__kind="notified").order_by("pk")[:SWEEP_LIMIT]
    )


def _sweepable(state: str, before) -> list[int]:
    return list(
        CreditGrant.objects.select_for_update(skip_locked=True).filter(state=state, updated_at__lt=before)
        .order_by("pk").values_list("pk", flat=True)[:SWEEP_LIMIT]
    )

"""Celery tasks of the help desk. Tasks take ids, re-fetch, return early with a log line when the
object is gone, and call one action. Beat tasks fan out one short task per shop."""
import logging
import smtplib

from anymail.exceptions import AnymailAPIError
from celery import shared_task
from django.utils import timezone

from shopapp.models import Shop

from .actions import email as email_actions
from .actions import translation as translation_actions
from .actions.retention import purge_expired_conversations

logger = logging.getLogger(__name__)


@shared_task
def purge_expired_conversations_task() -> int:
    """Daily beat task: one ``purge_shop_conversations_task`` per active shop. Returns the fan-out."""
    shop_ids = list(Shop.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True))
    for shop_id in shop_ids:
        purge_shop_conversations_task.delay(shop_id)
    logger.info("retention.sweep.enqueued", extra={"shops": len(shop_ids)})
    return len(shop_ids)


@shared_task
def purge_shop_conversations_task(shop_id: int) -> int:
    shop = Shop.objects.filter(pk=shop_id).first()
    if shop is None:
        logger.info("retention.shop_gone", extra={"shop_id": shop_id})
        return 0
    return purge_expired_conversations(shop, timezone.now())


@shared_task(autoretry_for=(smtplib.SMTPException, OSError, AnymailAPIError), retry_backoff=30, retry_backoff_max=1800,
             retry_jitter=True, max_retries=8)
def email_reply_task(message_id: int) -> str:
    """Email an agent's reply to its shopper, once; SMTP, network and provider errors retry with
    backoff (30 s doubling to 30 min, under the broker's visibility timeout)."""
    return email_actions.email_reply(message_id)


@shared_task(autoretry_for=(smtplib.SMTPException, OSError, AnymailAPIError), retry_backoff=30, retry_backoff_max=1800,
             retry_jitter=True, max_retries=8)
def email_credit_notice_task(message_id: int) -> str:
    """Email a store-credit or follow-up notice to a shopper without an open widget, once (see
    actions/credit_notices)."""
    from .actions.credit_notices import email_notice

    return email_notice(message_id)


@shared_task
def offer_late_order_credits_task() -> int:
    """Hourly beat task: offer store credit for late orders in shops whose policy says so (a bounded
    batch per run; see actions/credit_offers). Returns how many credits were requested."""
    from .actions.credit_offers import offer_late_order_credits

    return offer_late_order_credits()


@shared_task(bind=True, max_retries=2)
def translate_message_task(self, message_id: int) -> str:
    """Translate a shopper's message for the agents. Nothing happens when the message is gone, is not
    a shopper's, or the shop has translation off. A busy provider (rate limited, 5xx, timeout) gets
    two more tries, 30 and 60 s later; a used-up quota or a refused key does not."""
    outcome = translation_actions.translate_for_agents(message_id)
    if outcome == translation_actions.GONE:
        logger.info("translation.message_gone", extra={"message_id": message_id})
    elif outcome in translation_actions.TRANSIENT_REASONS and self.request.retries < self.max_retries:
        raise self.retry(countdown=30 * (self.request.retries + 1))
    return outcome


@shared_task
def auto_respond_task(message_id: int) -> int:
    """After a shopper's chat message: its translation for the agents is queued and the bot takes its
    turn. Returns how many replies the bot sent."""
    from .actions.autoresponses import respond

    return len(respond(message_id))


@shared_task
def sweep_bot_turns_task() -> dict:
    """Beat task: the bot's turns whose task was lost (broker down, Redis flushed) are queued again."""
    from .actions.bot_sweep import sweep_bot_turns

    return sweep_bot_turns()


@shared_task(bind=True, max_retries=4)
def issue_credit_task(self, grant_id: int) -> str:
    """Issue one approved store-credit grant through Shopify (exactly once; see actions/credit_issuance).
    When the credit surely was not applied (``retry``) the task tries again 10 to 50 s later; each
    try reconciles first. A lost retry is caught by ``sweep_credit_grants_task``."""
    from .actions.credit_issuance import RETRY, issue_grant, retry_delay

    outcome = issue_grant(grant_id)
    if outcome == RETRY and self.request.retries < self.max_retries:
        raise self.retry(countdown=retry_delay(self.request.retries))
    return outcome


@shared_task
def sweep_credit_grants_task() -> dict:
    """Beat task: approved grants whose task was lost, and grants left issuing or uncertain, are
    queued again (the task reconciles before it sends). Returns the counts."""
    from .actions.credit_issuance import sweep_credit_grants

    return sweep_credit_grants(timezone.now())


@shared_task
def sweep_due_followups_task() -> dict:
    """Beat, every 30 s: claim due follow-ups (and lost ones) and enqueue them in chunks."""
    from .actions.followups import sweep_due_followups

    return sweep_due_followups()


@shared_task
def run_followups_task(followup_ids: list[int]) -> dict:
    """Run a chunk of queued follow-ups (one transaction; one per row after a failure), each exactly
    once. Returns the count per outcome."""
    from .actions.followups import run_followups

    outcomes: dict = {}
    for outcome in run_followups(followup_ids).values():
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


@shared_task
def scan_late_orders_task() -> int:
    """Hourly beat task: schedule a delay notice for each order past its delivery window (a bounded
    batch per run; see actions/followup_kinds/delay_notice). Returns how many were scheduled."""
    from .actions.followup_kinds.delay_notice import scan_late_orders

    return scan_late_orders()


@shared_task
def sweep_email_replies_task() -> int:
    """Beat task: re-enqueue queued emails whose task was lost (Redis flushed). Returns the count."""
    message_ids = email_actions.unsent_email_replies(timezone.now())
    for message_id in message_ids:
        email_actions.enqueue_email_reply(message_id)
    if message_ids:
        logger.warning("email.sweep.requeued", extra={"messages": len(message_ids)})
    return len(message_ids)


@shared_task
def purge_attachment_files_task() -> dict:
    """Hourly beat task: uploads never sent within a day, and files no row names any more."""
    from .actions.attachments import purge_attachment_files

    return purge_attachment_files()

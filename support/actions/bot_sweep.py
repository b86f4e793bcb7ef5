"""Bot turns whose task was lost: the broker was down when the shopper wrote, or Redis was flushed
before a worker took the task. The shopper's message marks its conversation as owing a turn (in the
message's own transaction); the turn clears the mark. A beat sweep queues the owed turns again after a
grace minute, and drops those owed for too long: an automatic greeting a quarter of an hour late helps
nobody, and by then a person has seen the message in the inbox."""
import logging
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from support.models import Conversation, Message

logger = logging.getLogger(__name__)

GRACE = timedelta(seconds=60)  # a turn normally runs within milliseconds of the message
GIVE_UP_AFTER = timedelta(minutes=15)
BATCH = 500


def sweep_bot_turns(now=None) -> dict:
    """Queue the owed turns again; returns ``{"requeued": n, "dropped": n}``."""
    from support.tasks import auto_respond_task  # tasks import the actions

    now = now or timezone.now()
    owed = list(Conversation.objects.filter(bot_pending_message_id__isnull=False)
                .values_list("pk", "bot_pending_message_id")[:BATCH])
    if not owed:
        return {"requeued": 0, "dropped": 0}
    written = dict(Message.objects.filter(pk__in=[m for _, m in owed]).values_list("pk", "created_at"))
    late = [(c, m) for c, m in owed if written.get(m) is None or written[m] < now - GIVE_UP_AFTER]
    due = [m for c, m in owed if written.get(m) is not None and now - GIVE_UP_AFTER <= written[m] <= now - GRACE]
    if late:  # only where no newer message has taken the mark meanwhile
        condition = Q()
        for conversation_id, message_id in late:
            condition |= Q(pk=conversation_id, bot_pending_message_id=message_id)
        Conversation.objects.filter(condition).update(bot_pending_message_id=None)
    requeued = 0
    for message_id in due:
        try:
            auto_respond_task.delay(message_id)
            requeued += 1
        except Exception:  # noqa: BLE001 - the broker is still down: the next sweep tries again
            logger.warning("autoresponses.sweep.enqueue_failed", extra={"message_id": message_id})
            break
    if requeued or late:
        logger.warning("autoresponses.sweep", extra={"requeued": requeued, "dropped": len(late)})
    return {"requeued": requeued, "dropped": len(late)}

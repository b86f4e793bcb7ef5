"""Writes of the merchant's FAQ: create, update, delete, each audited on the shop's log. An entry
that could never answer well is refused with a reason (``rules.faq.entry_problem``) and nothing
stored."""
import logging

from django.db import transaction

from shopapp.models import Agent
from shopapp.refusals import Refused
from support.models import AuditEvent, FaqEntry
from support.rules import faq as rules

logger = logging.getLogger(__name__)

FIELDS = ("questions", "answer", "language", "enabled")


def _clean(questions: list[str], answer: str, language: str) -> tuple[list[str], str]:
    questions = [" ".join((question or "").split()) for question in questions]
    answer = (answer or "").strip()
    problem = rules.entry_problem(questions, answer, language)
    if problem:
        raise Refused(problem)
    return questions, answer


def _audit(entry: FaqEntry, *, agent: Agent, action: str, changed: list[str] | None = None) -> None:
    data = {"language": entry.language, "enabled": entry.enabled, "questions": len(entry.questions)}
    if changed is not None:
        data["changed"] = sorted(changed)
    AuditEvent.objects.create(shop_id=entry.shop_id, action=action, actor="agent", agent=agent,
                              target=f"faq:{entry.pk}", data=data)
    logger.info(action, extra={"shop_id": entry.shop_id, "faq_entry_id": entry.pk, "agent_id": agent.pk})


def create_faq_entry(*, agent: Agent, questions: list[str], answer: str, language: str = "",
                     enabled: bool = True) -> FaqEntry:
    """A new entry of the agent's shop. At most ``MAX_ENTRIES_PER_SHOP`` (a guard, not a lock)."""
    questions, answer = _clean(questions, answer, language)
    with transaction.atomic():
        if FaqEntry.objects.filter(shop_id=agent.shop_id).count() >= rules.MAX_ENTRIES_PER_SHOP:
            raise Refused("too_many_entries")
        entry = FaqEntry.objects.create(shop_id=agent.shop_id, questions=questions, answer=answer,
                                        language=language, enabled=enabled)
        _audit(entry, agent=agent, action="faq.entry.created")
    return entry


def update_faq_entry(entry: FaqEntry, *, agent: Agent, questions: list[str], answer: str, language: str = "",
                     enabled: bool = True) -> FaqEntry:
    """Replace the entry's questions, answer, language and switch; audited with the fields changed."""
    questions, answer = _clean(questions, answer, language)
    values = {"questions": questions, "answer": answer, "language": language, "enabled": enabled}
    changed = [field for field in FIELDS if getattr(entry, field) != values[field]]
    with transaction.atomic():
        for field in changed:
            setattr(entry, field, values[field])
        entry.save(update_fields=[*changed, "updated_at"])
        _audit(entry, agent=agent, action="faq.entry.updated", changed=changed)
    return entry


def delete_faq_entry(entry: FaqEntry, *, agent: Agent) -> None:
    with transaction.atomic():
        _audit(entry, agent=agent, action="faq.entry.deleted")
        entry.delete()

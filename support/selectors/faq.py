"""Reads of the merchant's FAQ, always scoped by shop: another shop's entry is a 404."""
from django.db.models import QuerySet
from django.http import Http404

from shopapp.models import Agent, Shop
from support.models import FaqEntry
from support.rules.faq import FaqCandidate


def faq_entries(agent: Agent) -> QuerySet:
    """The shop's entries, oldest first (one query)."""
    return FaqEntry.objects.filter(shop_id=agent.shop_id).order_by("pk")


def access_faq_entry(agent: Agent, entry_id) -> FaqEntry:
    try:
        return FaqEntry.objects.get(shop_id=agent.shop_id, pk=int(entry_id))
    except (FaqEntry.DoesNotExist, ValueError, TypeError):
        raise Http404("no such FAQ entry") from None


def faq_candidates(shop: Shop, language: str) -> list[FaqCandidate]:
    """The enabled entries that may answer in ``language`` (theirs or any), for ``rules.faq``."""
    rows = (
        FaqEntry.objects.filter(shop=shop, enabled=True, language__in=("", language))
        .order_by("pk").values_list("pk", "questions", "answer", "language")
    )
    return [
        FaqCandidate(id=pk, questions=tuple(q for q in questions if isinstance(q, str)), answer=answer,
                     language=entry_language)
        for pk, questions, answer, entry_language in rows
    ]

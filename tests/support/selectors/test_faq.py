"""The FAQ entries the bot may answer with: the shop's, enabled, in the language or any."""
import pytest

from support.rules.faq import FaqCandidate
from support.selectors.faq import faq_candidates
from tests.factories import FaqEntryFactory, ShopFactory

pytestmark = [pytest.mark.django_db]


def test_only_the_shops_enabled_entries_in_the_language_or_any(django_assert_num_queries):
    shop, other = ShopFactory(), ShopFactory()
    english = FaqEntryFactory(shop=shop, language="en", questions=["Gift wrap?"], answer="Free.")
    anywhere = FaqEntryFactory(shop=shop, language="", questions=["Warranty?", 42, "Garantie?"], answer="2 years.")
    FaqEntryFactory(shop=shop, language="de", questions=["Geschenkverpackung?"])
    FaqEntryFactory(shop=shop, language="en", enabled=False)
    FaqEntryFactory(shop=other, language="en")

    with django_assert_num_queries(1):
        candidates = faq_candidates(shop, "en")

    assert candidates == [
        FaqCandidate(id=english.pk, questions=("Gift wrap?",), answer="Free.", language="en"),
        FaqCandidate(id=anywhere.pk, questions=("Warranty?", "Garantie?"), answer="2 years.", language=""),
    ]


def test_a_shop_without_entries_has_no_candidates():
    assert faq_candidates(ShopFactory(), "fr") == []

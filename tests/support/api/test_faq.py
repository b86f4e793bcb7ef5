"""``/api/admin/faq``: every agent reads and tries the FAQ; owners and admins write it (audited);
agents get 403 with nothing written; another shop's entry is a 404; bad entries are 400 with a reason."""
import pytest

from shopapp.models import Agent
from support.models import AuditEvent, FaqEntry
from support.rules import faq as rules
from tests.factories import FaqEntryFactory, ShopTokenFactory

pytestmark = [pytest.mark.django_db]

DOMAIN, OTHER_DOMAIN = "shop-a.myshopify.com", "shop-b.myshopify.com"
OWNER, ADMIN, AGENT = "9100000000000701", "9100000000000702", "9100000000000703"
LIST, TEST = "/api/admin/faq", "/api/admin/faq/test"
GIFT = {"questions": ["Do you offer gift wrapping?", "Can you gift wrap my order?"],
        "answer": "Yes, it is free: tick 'gift wrap' at checkout.", "language": "en", "enabled": True}


def url(entry):
    return f"/api/admin/faq/{entry.pk}"


@pytest.fixture
def shop():
    return ShopTokenFactory(shop__domain=DOMAIN).shop


@pytest.fixture
def other_shop():
    return ShopTokenFactory(shop__domain=OTHER_DOMAIN).shop


@pytest.fixture
def call(client, session_token):
    def send(method, path, data=None, user_id=OWNER, domain=DOMAIN):
        return getattr(client, method)(path, data, content_type="application/json",
                                       HTTP_AUTHORIZATION=f"Bearer {session_token(domain, user_id)}")

    return send


@pytest.fixture
def staff(shop, call):
    """The owner (first token), an admin and an agent of the shop."""
    for user_id in (OWNER, ADMIN, AGENT):
        assert call("get", "/api/admin/me", user_id=user_id).status_code == 200
    Agent.objects.filter(shopify_user_id=ADMIN).update(role="admin")
    return {role: Agent.objects.get(shopify_user_id=user_id)
            for role, user_id in (("owner", OWNER), ("admin", ADMIN), ("agent", AGENT))}


def as_json(entry):
    return {"id": str(entry.pk), "language": entry.language, "questions": entry.questions, "answer": entry.answer,
            "enabled": entry.enabled, "created_at": entry.created_at.isoformat().replace("+00:00", "Z"),
            "updated_at": entry.updated_at.isoformat().replace("+00:00", "Z")}


def audit_log():
    return list(AuditEvent.objects.order_by("pk").values_list("shop_id", "action", "actor", "agent_id", "target",
                                                               "data"))


# --- writes --------------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["owner", "admin"])
def test_owners_and_admins_create_an_entry_and_it_is_audited(shop, staff, call, role):
    response = call("post", LIST, {**GIFT, "questions": ["  Do you offer   gift wrapping? ", "Can you gift wrap?"]},
                    user_id=staff[role].shopify_user_id)

    assert response.status_code == 201
    entry = FaqEntry.objects.get()
    assert response.json() == as_json(entry)
    assert (entry.shop_id, entry.questions, entry.answer, entry.language, entry.enabled) == (
        shop.pk, ["Do you offer gift wrapping?", "Can you gift wrap?"], GIFT["answer"], "en", True)
    assert audit_log() == [(shop.pk, "faq.entry.created", "agent", staff[role].pk, f"faq:{entry.pk}",
                            {"language": "en", "enabled": True, "questions": 2})]


def test_language_and_switch_have_defaults(shop, staff, call):
    response = call("post", LIST, {"questions": ["Warranty?"], "answer": "Two years."})

    assert response.status_code == 201
    assert (response.json()["language"], response.json()["enabled"]) == ("", True)


def test_owner_replaces_an_entry_and_the_changed_fields_are_audited(shop, staff, call):
    entry = FaqEntryFactory(shop=shop, language="en")

    response = call("put", url(entry), {**GIFT, "answer": "Yes, for 2 EUR.", "enabled": False})

    assert response.status_code == 200
    entry.refresh_from_db()
    assert response.json() == as_json(entry)
    assert (entry.questions, entry.answer, entry.enabled) == (GIFT["questions"], "Yes, for 2 EUR.", False)
    assert audit_log() == [(shop.pk, "faq.entry.updated", "agent", staff["owner"].pk, f"faq:{entry.pk}",
                            {"language": "en", "enabled": False, "questions": 2, "changed": ["answer", "enabled"]})]


def test_owner_deletes_an_entry_and_the_log_keeps_it(shop, staff, call):
    entry = FaqEntryFactory(shop=shop)

    response = call("delete", url(entry))

    assert response.status_code == 204
    assert not FaqEntry.objects.exists()
    assert audit_log() == [(shop.pk, "faq.entry.deleted", "agent", staff["owner"].pk, f"faq:{entry.pk}",
                            {"language": "", "enabled": True, "questions": 2})]


@pytest.mark.parametrize(("method", "path_of", "data"), [
    ("post", lambda entry: LIST, GIFT),
    ("put", url, GIFT),
    ("delete", url, None),
])
def test_an_agent_may_not_write_and_nothing_is_written(shop, staff, call, method, path_of, data):
    entry = FaqEntryFactory(shop=shop)
    before = FaqEntry.objects.values().get()

    response = call(method, path_of(entry), data, user_id=AGENT)

    assert response.status_code == 403
    assert list(FaqEntry.objects.values()) == [before]
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize(("method", "data", "status"), [("get", None, 404), ("put", GIFT, 404), ("delete", None, 404)])
def test_another_shops_entry_is_a_404_and_untouched(shop, other_shop, staff, call, method, data, status):
    theirs = FaqEntryFactory(shop=other_shop)
    before = FaqEntry.objects.values().get()

    response = call(method, url(theirs), data)

    assert response.status_code == status
    assert list(FaqEntry.objects.values()) == [before]
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize(("body", "code"), [
    ({**GIFT, "questions": ["Do you gift wrap?", "do you GIFT wrap?"]}, "duplicate_question"),
    ({**GIFT, "questions": ["Do you gift wrap?", "  "]}, "question_without_words"),
    ({**GIFT, "questions": ["hello?"]}, "question_without_words"),
    ({**GIFT, "answer": "   "}, "blank_answer"),
    ({**GIFT, "answer": "Yes, <a href='x'>see here</a>"}, "answer_not_plain_text"),
    ({**GIFT, "questions": []}, "invalid_input"),
    ({**GIFT, "questions": ["Gift wrap?"] * 21}, "invalid_input"),
    ({**GIFT, "questions": ["x" * 301]}, "invalid_input"),
    ({**GIFT, "answer": "x" * 2001}, "invalid_input"),
    ({**GIFT, "language": "ja"}, "invalid_input"),
    ({"answer": "Yes."}, "invalid_input"),
    ({**GIFT, "questions": "Do you gift wrap?"}, "invalid_input"),
])
def test_bad_entries_are_refused_with_a_reason_and_nothing_stored(shop, staff, call, body, code):
    created = call("post", LIST, body)
    entry = FaqEntryFactory(shop=shop)
    before = FaqEntry.objects.values().get()
    replaced = call("put", url(entry), body)

    assert (created.status_code, created.json()["code"]) == (400, code)
    assert (replaced.status_code, replaced.json()["code"]) == (400, code)
    assert list(FaqEntry.objects.values()) == [before]
    assert AuditEvent.objects.count() == 0


def test_a_shop_has_a_bounded_number_of_entries(shop, other_shop, staff, call, monkeypatch):
    monkeypatch.setattr(rules, "MAX_ENTRIES_PER_SHOP", 2)
    FaqEntryFactory.create_batch(2, shop=shop)
    FaqEntryFactory.create_batch(2, shop=other_shop)

    response = call("post", LIST, GIFT)

    assert (response.status_code, response.json()["code"]) == (400, "too_many_entries")
    assert FaqEntry.objects.filter(shop=shop).count() == 2
    assert AuditEvent.objects.count() == 0


# --- reads ---------------------------------------------------------------------------------------

def test_every_agent_lists_the_shops_entries_oldest_first(shop, other_shop, staff, call):
    first, second = FaqEntryFactory(shop=shop), FaqEntryFactory(shop=shop, enabled=False, language="de")
    FaqEntryFactory(shop=other_shop)

    response = call("get", LIST, user_id=AGENT)

    assert response.status_code == 200
    assert response.json() == [as_json(first), as_json(second)]


def test_list_query_count_does_not_grow(shop, staff, call, django_assert_num_queries):
    FaqEntryFactory(shop=shop)
    with django_assert_num_queries(3):  # shop, agent, entries
        assert len(call("get", LIST).json()) == 1
    FaqEntryFactory.create_batch(5, shop=shop)
    with django_assert_num_queries(3):
        assert len(call("get", LIST).json()) == 6


def test_an_agent_reads_one_entry(shop, staff, call):
    entry = FaqEntryFactory(shop=shop)
    response = call("get", url(entry), user_id=AGENT)
    assert (response.status_code, response.json()) == (200, as_json(entry))


def test_an_unknown_id_is_a_404(shop, staff, call):
    assert call("get", "/api/admin/faq/999999").status_code == 404


def test_without_a_session_token_nothing_is_shown(client, shop):
    FaqEntryFactory(shop=shop)
    assert client.get(LIST).status_code == 401


# --- trying the FAQ ------------------------------------------------------------------------------

@pytest.fixture
def entries(shop, other_shop):
    return {
        "gift": FaqEntryFactory(shop=shop, language="en"),
        "store": FaqEntryFactory(shop=shop, language="", questions=["Do you have a physical store?"],
                                 answer="We are online only."),
        "pickup": FaqEntryFactory(shop=shop, language="en", questions=["Can I pick up my order in store?"],
                                  answer="No pickup, sorry."),
        "disabled": FaqEntryFactory(shop=shop, language="en", enabled=False,
                                    questions=["Do you have a loyalty program?"], answer="Not yet."),
        "spanish": FaqEntryFactory(shop=shop, language="es", questions=["¿Tienen tienda física?"],
                                   answer="Solo online."),
        "theirs": FaqEntryFactory(shop=other_shop, language="en", questions=["Are your products vegan?"],
                                  answer="Yes."),
    }


def test_a_confident_match_shows_the_entry_that_would_answer(staff, call, entries):
    response = call("post", TEST, {"text": "Hi, do you gift wrap?"}, user_id=AGENT)

    assert response.status_code == 200
    gift = entries["gift"]
    assert response.json() == {
        "language": "en", "intent": "pre_sale", "outcome": "answered",
        "match": {"id": str(gift.pk), "question": "Do you offer gift wrapping?", "answer": gift.answer,
                  "score": 0.8, "runner_up": 0.0},
        "candidates": [{"id": str(gift.pk), "question": "Do you offer gift wrapping?", "score": 0.8},
                       {"id": str(entries["store"].pk), "question": "Do you have a physical store?", "score": 0.0},
                       {"id": str(entries["pickup"].pk), "question": "Can I pick up my order in store?", "score": 0.0}],
        "min_score": rules.MIN_SCORE, "min_margin": rules.MIN_MARGIN,
    }


def test_the_language_is_detected_like_a_shoppers_and_picks_the_entries(staff, call, entries):
    body = call("post", TEST, {"text": "¿Tienen una tienda física en Madrid?"}).json()
    assert (body["language"], body["outcome"], body["match"]["id"]) == ("es", "answered", str(entries["spanish"].pk))


def test_an_entry_for_any_language_answers_in_the_one_asked(staff, call, entries):
    body = call("post", TEST, {"text": "physical store?", "language": "de"}).json()
    assert (body["outcome"], body["match"]["id"], [c["id"] for c in body["candidates"]]) == (
        "answered", str(entries["store"].pk), [str(entries["store"].pk)])


@pytest.mark.parametrize(("text", "outcome"), [
    ("What is the capital of France?", "no_match"),
    ("Do you have a loyalty program?", "no_match"),  # disabled: never answers
    ("Are your products vegan?", "no_match"),  # another shop's entry
])
def test_nothing_is_guessed(staff, call, entries, text, outcome):
    body = call("post", TEST, {"text": text, "language": "en"}).json()
    assert (body["outcome"], body["match"]) == (outcome, None)
    assert str(entries["disabled"].pk) not in [c["id"] for c in body["candidates"]]
    assert str(entries["theirs"].pk) not in [c["id"] for c in body["candidates"]]


def test_two_entries_that_fit_alike_are_reported_as_ambiguous(shop, staff, call):
    FaqEntryFactory(shop=shop, questions=["Do you ship to Canada?"], answer="Yes, in 5 days.")
    FaqEntryFactory(shop=shop, questions=["Can you ship to Canada?"], answer="Yes, for 10 EUR.")

    body = call("post", TEST, {"text": "do you ship to canada", "language": "en"}).json()

    assert (body["outcome"], body["match"], body["intent"]) == ("ambiguous", None, "shipping_info")
    assert [c["score"] for c in body["candidates"]] == [1.0, 1.0]


def test_a_shop_without_entries(staff, call):
    body = call("post", TEST, {"text": "Do you gift wrap?", "language": "en"}).json()
    assert (body["outcome"], body["match"], body["candidates"]) == ("no_entries", None, [])


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": "x" * 2001}, {"text": "hi", "language": "ja"}])
def test_bad_test_input_is_a_400(staff, call, body):
    response = call("post", TEST, body)
    assert (response.status_code, response.json()["code"]) == (400, "invalid_input")


def test_the_schema_lists_the_faq_endpoints(client):
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    assert {"get", "post"} <= set(paths["/api/admin/faq"])
    assert {"get", "put", "delete"} <= set(paths["/api/admin/faq/{entry_id}"])
    assert "post" in paths["/api/admin/faq/test"]

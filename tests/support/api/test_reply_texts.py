"""``/api/admin/reply-texts``: every agent reads the bot's texts and previews a wording; owners and
admins set and reset them (audited); agents get 403 with nothing written; a wording the bot may not
send is a 400 with its reason; another shop's texts are never shown, changed or used."""
import pytest

from shopapp.models import Agent
from support.models import AuditEvent, ReplyText
from support.rules.reply_texts import CATALOGUES
from tests.factories import ReplyTextFactory, ShopTokenFactory

pytestmark = [pytest.mark.django_db]

DOMAIN, OTHER_DOMAIN = "shop-a.myshopify.com", "shop-b.myshopify.com"
OWNER, ADMIN, AGENT = "9100000000000801", "9100000000000802", "9100000000000803"
LIST = "/api/admin/reply-texts"
GREETING_DE = f"{LIST}/hours.greeting/de"
MOIN = "Moin bei {shop_name}! Was können wir für Sie tun?"


@pytest.fixture
def shop():
    return ShopTokenFactory(shop__domain=DOMAIN, shop__name="Nordlicht Shop").shop


@pytest.fixture
def other_shop():
    return ShopTokenFactory(shop__domain=OTHER_DOMAIN, shop__name="Südwind").shop


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


def stamp(moment):
    return moment.isoformat().replace("+00:00", "Z")


def texts_of(listing, key):
    return {text["language"]: text for item in listing if item["key"] == key for text in item["texts"]}


# --- writes --------------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["owner", "admin"])
def test_owners_and_admins_set_a_text_and_read_it_back(shop, staff, call, role):
    response = call("put", GREETING_DE, {"body": f"  {MOIN}  "}, user_id=staff[role].shopify_user_id)

    assert response.status_code == 200
    row = ReplyText.objects.get()
    assert (row.shop_id, row.key, row.language, row.body, row.updated_by_id) == (
        shop.pk, "hours.greeting", "de", MOIN, staff[role].pk)
    assert response.json() == {"key": "hours.greeting", "variables": ["shop_name"], "language": "de",
                               "default": CATALOGUES["hours.greeting"]["de"], "override": MOIN,
                               "updated_at": stamp(row.updated_at), "updated_by": str(staff[role].pk)}
    listed = texts_of(call("get", LIST, user_id=AGENT).json(), "hours.greeting")
    assert listed["de"]["override"] == MOIN
    assert listed["en"]["override"] is None
    assert list(AuditEvent.objects.values_list("action", "agent_id", "target")) == [
        ("reply_text.updated", staff[role].pk, "reply_text:hours.greeting:de")]


def test_reset_brings_the_default_back(shop, staff, call):
    ReplyTextFactory(shop=shop)

    response = call("delete", GREETING_DE, user_id=ADMIN)

    assert response.status_code == 204
    assert not ReplyText.objects.exists()
    assert texts_of(call("get", LIST).json(), "hours.greeting")["de"]["override"] is None
    assert list(AuditEvent.objects.values_list("action", "agent_id")) == [("reply_text.reset", staff["admin"].pk)]
    assert call("delete", GREETING_DE).status_code == 204  # already the default: nothing to do
    assert AuditEvent.objects.count() == 1


@pytest.mark.parametrize(("method", "data"), [("put", {"body": MOIN}), ("delete", None)])
def test_an_agent_may_not_write_and_nothing_is_written(shop, staff, call, method, data):
    ReplyTextFactory(shop=shop, body="Hallo bei {shop_name}.")
    before = list(ReplyText.objects.values())

    response = call(method, GREETING_DE, data, user_id=AGENT)

    assert response.status_code == 403
    assert list(ReplyText.objects.values()) == before
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize(("path", "body", "code", "detail"), [
    (f"{LIST}/hours.welcome/de", MOIN, "unknown_key", "refused: unknown_key"),
    (f"{LIST}/hours.greeting/ja", MOIN, "unsupported_language", "refused: unsupported_language"),
    (GREETING_DE, "  ", "blank_body", "refused: blank_body"),
    (GREETING_DE, "x" * 1001, "too_long", "refused: too_long"),
    (GREETING_DE, "Moin bei <b>{shop_name}</b>", "not_plain_text", "refused: not_plain_text"),
    (GREETING_DE, "Moin bei {shop_name!r}", "bad_placeholder", "refused: bad_placeholder (shop_name)"),
    (GREETING_DE, "Moin {vorname}, willkommen bei {shop_name}", "unknown_variables",
     "refused: unknown_variables (vorname)"),
    (f"{LIST}/hours.out_of_hours/en", "We're away, back soon.", "missing_variables",
     "refused: missing_variables (opening)"),
    (f"{LIST}/bot.handoff/en", "A person will reply and we will refund you in full.", "promises_money",
     "refused: promises_money (refund)"),
])
def test_a_text_the_bot_may_not_send_is_a_400_with_its_reason_and_nothing_written(
        shop, staff, call, path, body, code, detail):
    ReplyTextFactory(shop=shop, body="Hallo bei {shop_name}.")
    before = list(ReplyText.objects.values())

    response = call("put", path, {"body": body})

    assert (response.status_code, response.json()) == (400, {"detail": detail, "code": code})
    assert list(ReplyText.objects.values()) == before
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize("data", [{}, {"body": None}, {"body": ["Hi {shop_name}"]}, {"text": MOIN}])
def test_a_malformed_request_is_a_400(shop, staff, call, data):
    response = call("put", GREETING_DE, data)
    assert (response.status_code, response.json()["code"]) == (400, "invalid_input")
    assert not ReplyText.objects.exists()


def test_reset_of_an_unknown_key_is_a_400(shop, staff, call):
    response = call("delete", f"{LIST}/hours.welcome/de")
    assert (response.status_code, response.json()["code"]) == (400, "unknown_key")


# --- reads ---------------------------------------------------------------------------------------

def test_every_agent_lists_every_key_with_defaults_variables_and_overrides(shop, staff, call):
    row = ReplyTextFactory(shop=shop, updated_by=staff["owner"])

    response = call("get", LIST, user_id=AGENT)

    assert response.status_code == 200
    listing = response.json()
    assert [item["key"] for item in listing] == list(CATALOGUES)
    assert listing[1] == {
        "key": "hours.out_of_hours", "variables": ["opening"],
        "texts": [{"language": language, "default": text, "override": None, "updated_at": None, "updated_by": None}
                  for language, text in CATALOGUES["hours.out_of_hours"].items()],
    }
    assert texts_of(listing, "hours.greeting")["de"] == {
        "language": "de", "default": CATALOGUES["hours.greeting"]["de"], "override": row.body,
        "updated_at": stamp(row.updated_at), "updated_by": str(staff["owner"].pk)}


def test_list_query_count_does_not_grow(shop, staff, call, django_assert_num_queries):
    ReplyTextFactory(shop=shop)
    with django_assert_num_queries(3):  # shop, agent, texts
        call("get", LIST)
    for language in ("en", "fr", "es", "it"):
        ReplyTextFactory(shop=shop, key="bot.handoff", language=language, body="A person will answer here.")
    with django_assert_num_queries(3):
        call("get", LIST)


def test_without_a_session_token_nothing_is_shown(client, shop):
    assert client.get(LIST).status_code == 401
    assert client.put(GREETING_DE, {"body": MOIN}, content_type="application/json").status_code == 401


# --- other shops ---------------------------------------------------------------------------------

def test_another_shops_texts_are_never_shown_changed_or_reset(shop, other_shop, staff, call):
    theirs = ReplyTextFactory(shop=other_shop, body="Servus bei {shop_name}!")
    before = list(ReplyText.objects.values())

    listing = call("get", LIST).json()
    assert all(text["override"] is None for item in listing for text in item["texts"])
    assert call("delete", GREETING_DE).status_code == 204
    assert list(ReplyText.objects.values()) == before

    assert call("put", GREETING_DE, {"body": MOIN}).status_code == 200
    theirs.refresh_from_db()
    assert theirs.body == "Servus bei {shop_name}!"
    assert ReplyText.objects.filter(shop=other_shop).count() == 1
    assert call("post", f"{GREETING_DE}/preview", {"body": "{shop_name}"}).json() == {"text": "Nordlicht Shop"}


# --- preview -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "body", "text"), [
    (GREETING_DE, MOIN, "Moin bei Nordlicht Shop! Was können wir für Sie tun?"),
    (f"{LIST}/hours.out_of_hours/de", "Wir sind {opening} wieder für Sie da.",
     "Wir sind morgen um 09:00 Uhr wieder für Sie da."),
    (f"{LIST}/wismo.tracking_url/en", "Follow your parcel: {url}",
     "Follow your parcel: https://www.dhl.com/track?tracking-id=JD014600006281"),
])
def test_any_agent_previews_a_wording_with_sample_values_and_nothing_is_stored(shop, staff, call, path, body, text):
    response = call("post", f"{path}/preview", {"body": body}, user_id=AGENT)

    assert (response.status_code, response.json()) == (200, {"text": text})
    assert not ReplyText.objects.exists()
    assert AuditEvent.objects.count() == 0


def test_a_preview_uses_the_shops_own_order_label(shop, other_shop, staff, call):
    ReplyTextFactory(shop=shop, key="wismo.order", language="en", body="Your order {name}")
    ReplyTextFactory(shop=other_shop, key="wismo.order", language="de", body="Ihr Einkauf {name}")

    english = call("post", f"{LIST}/wismo.shipped/en/preview", {"body": "{order} is on its way."})
    german = call("post", f"{LIST}/wismo.shipped/de/preview", {"body": "{order} ist unterwegs."})

    assert english.json() == {"text": "Your order #1001 is on its way."}
    assert german.json() == {"text": "Bestellung #1001 ist unterwegs."}


def test_a_preview_is_checked_like_a_save(shop, staff, call):
    response = call("post", f"{LIST}/hours.out_of_hours/en/preview", {"body": "Back soon!"})
    assert (response.status_code, response.json()["code"]) == (400, "missing_variables")

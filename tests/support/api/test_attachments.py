"""Attachments over both APIs: uploads typed by content, refusals that store nothing, downloads only
for the conversation's parties with headers that keep browsers from running the file, and messages
listing their attachments at a constant query cost."""
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shopapp.models import Shop
from support.actions.attachments import store_upload
from support.actions.messages import send_agent_reply
from support.models import Attachment, Conversation, Message
from support.rules.attachments import MAX_BYTES, MAX_PER_MESSAGE
from tests.factories import AgentFactory, ConversationFactory, ShopTokenFactory
from tests.support.actions.test_attachments import EXE, GIF, HTML, JPEG, PDF, PNG, SVG, WEBP, ZIP
from tests.support.api.test_widget import proxy_query

SHOP = "shop-a.myshopify.com"
OTHER = "shop-b.myshopify.com"


@pytest.fixture(autouse=True)
def attachments_dir(settings, tmp_path):
    settings.ATTACHMENTS_DIR = tmp_path / "attachments"
    return settings.ATTACHMENTS_DIR


def on_disk(directory) -> list[str]:
    return sorted(os.listdir(directory)) if directory.exists() else []


class Party:
    """One side of a conversation over HTTP, with its credentials: an agent (session token) or, for
    ``/api/widget/``, a shopper (signed app-proxy query and visitor token)."""

    def __init__(self, client, base, headers):
        self.client, self.base, self.headers = client, base, headers

    def url(self, path, **params):
        url = path if path.startswith("/") else self.base + path
        return f"{url}?{proxy_query(**params)}" if self.base == "/api/widget/" else url

    def get(self, path, **params):
        if self.base == "/api/widget/":
            return self.client.get(self.url(path, **params), **self.headers)
        return self.client.get(self.url(path), params, **self.headers)

    def post(self, path, data):
        return self.client.post(self.url(path), data, content_type="application/json", **self.headers)

    def upload(self, conversation_id, data, name="photo.png", content_type="image/png"):
        upload = SimpleUploadedFile(name, data, content_type)
        return self.client.post(self.url(f"conversations/{conversation_id}/attachments"), {"file": upload},
                                **self.headers)


@pytest.fixture
def parties(client, session_token, redis_client):
    """A shop with an agent (admin API) and a shopper who started a chat (widget API), another visitor
    of the same shop with their own chat, and an agent of another shop."""
    shop = ShopTokenFactory(shop__domain=SHOP).shop
    ShopTokenFactory(shop__domain=OTHER)

    def visitor():
        started = client.post(f"/api/widget/conversations?{proxy_query()}", {}, content_type="application/json")
        assert started.status_code == 201
        token = started.json()["visitor_token"]
        party = Party(client, "/api/widget/", {"HTTP_X_VISITOR_TOKEN": token})
        party.conversation = Conversation.objects.get(pk=started.json()["conversation"]["id"])
        return party

    class Parties:
        pass

    parties = Parties()
    parties.shop = shop
    parties.agent = Party(client, "/api/admin/", {"HTTP_AUTHORIZATION": f"Bearer {session_token(SHOP, '1')}"})
    parties.agent.get("me")  # provisions the staff member
    parties.other_agent = Party(client, "/api/admin/",
                                {"HTTP_AUTHORIZATION": f"Bearer {session_token(OTHER, '2')}"})
    parties.other_agent.get("me")
    parties.shopper = visitor()
    parties.other_visitor = visitor()
    parties.conversation = parties.shopper.conversation
    return parties


def nothing_stored(attachments_dir):
    return not Attachment.objects.exists() and on_disk(attachments_dir) == []


# --- uploads ---------------------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("side", ["shopper", "agent"])
def test_a_pdf_named_png_is_stored_as_a_pdf(parties, side, attachments_dir):
    response = getattr(parties, side).upload(parties.conversation.pk, PDF, name="photo.png", content_type="image/png")
    assert response.status_code == 201
    stored = Attachment.objects.get()
    assert response.json() == {"id": str(stored.pk), "filename": "photo.pdf", "content_type": "application/pdf",
                               "size": len(PDF)}
    assert (stored.uploaded_by, stored.message_id) == (side, None)
    assert on_disk(attachments_dir) == [stored.storage_name]


@pytest.mark.django_db
@pytest.mark.parametrize("side", ["shopper", "agent"])
@pytest.mark.parametrize("data, name, content_type", [
    (HTML, "photo.png", "image/png"), (SVG, "photo.jpg", "image/jpeg"), (SVG, "logo.svg", "image/svg+xml"),
    (EXE, "photo.png", "image/png"), (ZIP, "invoice.pdf", "application/pdf"), (HTML, "page.html", "text/html"),
])
def test_spoofed_types_are_refused_and_nothing_is_stored(parties, side, data, name, content_type, attachments_dir,
                                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = getattr(parties, side).upload(parties.conversation.pk, data, name=name, content_type=content_type)
    assert (response.status_code, response.json()["code"]) == (400, "attachment_type_not_allowed")
    assert nothing_stored(attachments_dir) and callbacks == []


@pytest.mark.django_db
@pytest.mark.parametrize("side", ["shopper", "agent"])
@pytest.mark.parametrize("extra", [1, 512 * 1024])  # capped while reading; refused by Content-Length
def test_an_oversized_file_is_refused_and_nothing_is_stored(parties, side, extra, attachments_dir, caplog,
                                                            django_capture_on_commit_callbacks):
    data = PDF + b"0" * (MAX_BYTES - len(PDF) + extra)
    with django_capture_on_commit_callbacks() as callbacks:
        response = getattr(parties, side).upload(parties.conversation.pk, data, name="big.pdf")
    assert (response.status_code, response.json()["code"]) == (400, "attachment_too_large")
    assert nothing_stored(attachments_dir) and callbacks == []
    refused = [r for r in caplog.records if r.msg == "attachments.refused"]
    assert [(r.reason, r.stage) for r in refused] == [("attachment_too_large", "request")]  # before the action
    assert refused[0].received <= MAX_BYTES + 64 * 1024  # the body past the limit was not kept


@pytest.mark.django_db
def test_a_file_of_exactly_the_limit_is_accepted(parties):
    data = JPEG + b"0" * (MAX_BYTES - len(JPEG))
    response = parties.shopper.upload(parties.conversation.pk, data, name="big.jpg")
    assert (response.status_code, response.json()["size"]) == (201, MAX_BYTES)


@pytest.mark.django_db
@pytest.mark.parametrize("side", ["shopper", "agent"])
def test_count_limit(parties, side, attachments_dir):
    party = getattr(parties, side)
    for index in range(MAX_PER_MESSAGE):
        assert party.upload(parties.conversation.pk, PNG, name=f"{index}.png").status_code == 201
    refused = party.upload(parties.conversation.pk, PNG, name="one-more.png")
    assert (refused.status_code, refused.json()["code"]) == (400, "too_many_attachments")
    assert Attachment.objects.count() == MAX_PER_MESSAGE and len(on_disk(attachments_dir)) == MAX_PER_MESSAGE


@pytest.mark.django_db
def test_widget_uploads_are_rate_limited_per_conversation(parties, redis_client, attachments_dir):
    from support.api.widget_attachments import UPLOADS_PER_CONVERSATION

    redis_client.set(f"rl:{UPLOADS_PER_CONVERSATION.name}:{parties.conversation.pk}", UPLOADS_PER_CONVERSATION.count)
    refused = parties.shopper.upload(parties.conversation.pk, PNG)
    assert (refused.status_code, refused.json()["code"]) == (429, "uploads_per_conversation")
    assert nothing_stored(attachments_dir)
    assert parties.shopper.upload(parties.other_visitor.conversation.pk, PNG).status_code == 404


@pytest.mark.django_db
def test_upload_without_a_file_is_invalid_input(parties, attachments_dir):
    url = parties.agent.url(f"conversations/{parties.conversation.pk}/attachments")
    response = parties.agent.client.post(url, {"note": "no file"}, **parties.agent.headers)
    assert (response.status_code, response.json()["code"], list(response.json()["fields"])) == (
        400, "invalid_input", ["file"])
    assert nothing_stored(attachments_dir)


@pytest.mark.django_db
def test_uploads_to_another_shops_or_another_visitors_conversation_are_404_and_store_nothing(parties,
                                                                                             attachments_dir):
    theirs = ConversationFactory(shop=Shop.objects.get(domain=OTHER))
    responses = [
        parties.agent.upload(theirs.pk, PNG),
        parties.other_agent.upload(parties.conversation.pk, PNG),
        parties.other_visitor.upload(parties.conversation.pk, PNG),
        parties.shopper.upload(theirs.pk, PNG),
        parties.agent.upload(999999999, PNG),
    ]
    assert [r.status_code for r in responses] == [404] * len(responses)
    assert nothing_stored(attachments_dir)


# --- sending and listing ---------------------------------------------------------------------------

@pytest.mark.django_db
def test_an_agent_reply_with_attachments_reaches_the_shoppers_message_list(parties):
    conversation_id = parties.conversation.pk
    image = parties.agent.upload(conversation_id, WEBP, name="return label.webp").json()
    label = parties.agent.upload(conversation_id, PDF, name="label.pdf").json()
    sent = parties.agent.post(f"conversations/{conversation_id}/messages",
                              {"body": "Here is your return label", "client_id": "a1",
                               "attachment_ids": [image["id"], label["id"]]})
    assert sent.status_code == 201
    assert sent.json()["attachments"] == [
        {**image, "url": f"/api/admin/attachments/{image['id']}"},
        {**label, "url": f"/api/admin/attachments/{label['id']}"},
    ]

    listed = parties.shopper.get(f"conversations/{conversation_id}/messages").json()
    assert [(m["body"], m["attachments"]) for m in listed] == [("Here is your return label", [
        {**image, "url": f"/api/widget/attachments/{image['id']}"},
        {**label, "url": f"/api/widget/attachments/{label['id']}"},
    ])]
    downloaded = parties.shopper.get(listed[0]["attachments"][1]["url"])
    assert (downloaded.status_code, b"".join(downloaded.streaming_content)) == (200, PDF)


@pytest.mark.django_db
def test_a_shopper_message_with_attachments_reaches_the_agents(parties):
    conversation_id = parties.conversation.pk
    photo = parties.shopper.upload(conversation_id, JPEG, name="broken mug.jpg").json()
    sent = parties.shopper.post(f"conversations/{conversation_id}/messages",
                                {"body": "", "client_id": "w1", "attachment_ids": [photo["id"]]})
    assert (sent.status_code, sent.json()["body"], [a["id"] for a in sent.json()["attachments"]]) == (
        201, "", [photo["id"]])
    listed = parties.agent.get(f"conversations/{conversation_id}/messages").json()
    assert listed[-1]["attachments"] == [{**photo, "url": f"/api/admin/attachments/{photo['id']}"}]
    assert parties.agent.get(f"attachments/{photo['id']}").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("side", ["shopper", "agent"])
def test_a_retried_send_does_not_duplicate(parties, side):
    party = getattr(parties, side)
    url = f"conversations/{parties.conversation.pk}/messages"
    ids = [party.upload(parties.conversation.pk, GIF, name=f"{i}.gif").json()["id"] for i in range(2)]
    first = party.post(url, {"body": "two files", "client_id": "retry-1", "attachment_ids": ids})
    again = party.post(url, {"body": "two files", "client_id": "retry-1", "attachment_ids": ids})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert [a["id"] for a in again.json()["attachments"]] == ids
    assert Message.objects.filter(client_id="retry-1").count() == 1
    assert sorted(Attachment.objects.values_list("message_id", flat=True)) == [int(first.json()["id"])] * 2


@pytest.mark.django_db
def test_sending_someone_elses_upload_is_refused_and_stores_nothing(parties, django_capture_on_commit_callbacks):
    conversation_id = parties.conversation.pk
    agents_file = parties.agent.upload(conversation_id, PNG).json()["id"]
    other_visitors_file = parties.other_visitor.upload(parties.other_visitor.conversation.pk, PNG).json()["id"]
    url = f"conversations/{conversation_id}/messages"
    with django_capture_on_commit_callbacks() as callbacks:
        responses = [
            parties.shopper.post(url, {"body": "mine?", "client_id": "w1", "attachment_ids": [agents_file]}),
            parties.shopper.post(url, {"body": "mine?", "client_id": "w2", "attachment_ids": [other_visitors_file]}),
            parties.shopper.post(url, {"body": "", "client_id": "w3"}),
            parties.agent.post(url, {"body": "x", "client_id": "a1", "attachment_ids": ["../1"]}),
            parties.agent.post(url, {"body": "x", "client_id": "a2", "attachment_ids": [str(i) for i in range(6)]}),
        ]
    assert [(r.status_code, r.json()["code"]) for r in responses] == [
        (400, "unknown_attachment"), (400, "unknown_attachment"), (400, "empty_body"), (400, "unknown_attachment"),
        (400, "too_many_attachments")]
    assert not Message.objects.exists() and not Attachment.objects.exclude(message=None).exists()
    assert callbacks == []


@pytest.mark.django_db
def test_message_lists_cost_the_same_number_of_queries_with_more_attachments(parties):
    conversation = parties.conversation
    staff = AgentFactory(shop=parties.shop)

    def reply(index):
        ids = [store_upload(conversation, upload=SimpleUploadedFile(f"{index}-{n}.png", PNG), uploaded_by="agent",
                            agent=staff).pk for n in range(2)]
        send_agent_reply(conversation, agent=staff, body=f"reply {index}", client_id=f"a{index}", attachment_ids=ids)

    counts = []
    for party in (parties.agent, parties.shopper):
        party.get(f"conversations/{conversation.pk}/messages")  # warm up
    for batch in (1, 6):
        for index in range(batch):
            reply(f"{batch}-{index}")
        for party in (parties.agent, parties.shopper):
            with CaptureQueriesContext(connection) as captured:
                listed = party.get(f"conversations/{conversation.pk}/messages").json()
            assert sum(len(m["attachments"]) for m in listed) == 2 * len(listed)
            counts.append(len(captured.captured_queries))
    assert counts[:2] == counts[2:]


# --- downloads ---------------------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("side", ["shopper", "agent"])
@pytest.mark.parametrize("data, name, content_type, disposition", [
    (PDF, "photo.png", "application/pdf", 'attachment; filename="photo.pdf"'),
    (PNG, "parcel.png", "image/png", 'inline; filename="parcel.png"'),
    (JPEG, "caixa amassada ção.jpg", "image/jpeg", "inline; filename*=utf-8''caixa%20amassada%20%C3%A7%C3%A3o.jpg"),
    (GIF, 'a"b.gif', "image/gif", 'inline; filename="a_b.gif"'),
])
def test_download_headers(parties, side, data, name, content_type, disposition):
    party = getattr(parties, side)
    uploaded = party.upload(parties.conversation.pk, data, name=name, content_type="text/html").json()
    response = party.get(f"attachments/{uploaded['id']}")
    assert response.status_code == 200
    assert {key: response[key] for key in ("Content-Type", "X-Content-Type-Options", "Content-Security-Policy",
                                            "Content-Disposition", "Cache-Control", "Content-Length")} == {
        "Content-Type": content_type, "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "sandbox",
        "Content-Disposition": disposition, "Cache-Control": "private", "Content-Length": str(len(data)),
    }
    assert b"".join(response.streaming_content) == data


@pytest.mark.django_db
def test_downloads_are_served_only_to_the_conversations_parties(parties):
    conversation_id = parties.conversation.pk
    shoppers_file = parties.shopper.upload(conversation_id, PNG).json()["id"]
    parties.shopper.post(f"conversations/{conversation_id}/messages",
                         {"body": "photo", "client_id": "w1", "attachment_ids": [shoppers_file]})
    agents_reply_file = parties.agent.upload(conversation_id, PDF).json()["id"]
    parties.agent.post(f"conversations/{conversation_id}/messages",
                       {"body": "invoice", "client_id": "a1", "attachment_ids": [agents_reply_file]})
    for party in (parties.shopper, parties.agent):
        assert [party.get(f"attachments/{i}").status_code for i in (shoppers_file, agents_reply_file)] == [200, 200]
    outsiders = [
        parties.other_agent.get(f"attachments/{shoppers_file}"),
        parties.other_agent.get(f"attachments/{agents_reply_file}"),
        parties.other_visitor.get(f"attachments/{shoppers_file}"),
        parties.other_visitor.get(f"attachments/{agents_reply_file}"),
        Party(parties.shopper.client, "/api/widget/", {}).get(f"attachments/{shoppers_file}"),  # no visitor token
        parties.shopper.get("attachments/999999999"),
        parties.agent.get("attachments/999999999"),
    ]
    assert [r.status_code for r in outsiders] == [404] * len(outsiders)


@pytest.mark.django_db
def test_a_file_is_not_reachable_through_another_shops_storefront(parties, client):
    file_id = parties.shopper.upload(parties.conversation.pk, PNG).json()["id"]
    url = f"/api/widget/attachments/{file_id}?{proxy_query(shop=OTHER)}"
    assert client.get(url, **parties.shopper.headers).status_code == 404


@pytest.mark.django_db
def test_internal_note_attachments_never_reach_the_shopper(parties):
    conversation_id = parties.conversation.pk
    internal = parties.agent.upload(conversation_id, PDF, name="fraud check.pdf").json()
    unsent = parties.agent.upload(conversation_id, PNG, name="draft.png").json()
    note = parties.agent.post(f"conversations/{conversation_id}/messages",
                              {"body": "chargeback risk", "client_id": "n1", "internal": True,
                               "attachment_ids": [internal["id"]]})
    assert note.status_code == 201 and [a["id"] for a in note.json()["attachments"]] == [internal["id"]]

    assert parties.shopper.get(f"attachments/{internal['id']}").status_code == 404
    assert parties.shopper.get(f"attachments/{unsent['id']}").status_code == 404  # not sent to anyone yet
    assert parties.shopper.get(f"conversations/{conversation_id}/messages").json() == []
    started = parties.shopper.client.post(parties.shopper.url("conversations"), {}, content_type="application/json",
                                          **parties.shopper.headers)
    assert started.json()["messages"] == []
    assert parties.agent.get(f"attachments/{internal['id']}").status_code == 200


@pytest.mark.django_db
def test_a_shoppers_unsent_upload_is_theirs_alone(parties):
    file_id = parties.shopper.upload(parties.conversation.pk, PNG).json()["id"]
    assert parties.shopper.get(f"attachments/{file_id}").status_code == 200
    assert parties.agent.get(f"attachments/{file_id}").status_code == 404


@pytest.mark.django_db
def test_a_missing_file_is_404(parties, attachments_dir):
    file_id = parties.agent.upload(parties.conversation.pk, PNG).json()["id"]
    (attachments_dir / Attachment.objects.get().storage_name).unlink()
    assert parties.agent.get(f"attachments/{file_id}").status_code == 404

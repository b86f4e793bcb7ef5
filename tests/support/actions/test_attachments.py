"""Attachment actions: storing an upload (type by content, size cap while reading, random private
file, nothing left behind on refusal) and linking uploads to the message they are sent with."""
import hashlib
import os
import stat
import time
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from support import realtime
from support.actions.attachments import CHUNK_BYTES, AttachmentRefused, purge_attachment_files, store_upload
from support.actions.messages import MessageRefused, add_internal_note, receive_customer_message, send_agent_reply
from support.models import Attachment, Message, TimelineEvent
from support.rules.attachments import MAX_BYTES, MAX_PER_MESSAGE
from tests.factories import AgentFactory, ConversationFactory

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00" + b"\x00" * 16
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + b"\x00" * 32 + b"\xff\xd9"
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + b"\x00" * 16 + b";"
WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00" + b"\x00" * 10
HTML = b"<!DOCTYPE html><html><body><script>fetch('/api/admin/me')</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 40


@pytest.fixture(autouse=True)
def attachments_dir(settings, tmp_path):
    settings.ATTACHMENTS_DIR = tmp_path / "attachments"
    return settings.ATTACHMENTS_DIR


def on_disk(directory) -> list[str]:
    return sorted(os.listdir(directory)) if directory.exists() else []


class Stream:
    """An endless upload (``head``, then zeros) that counts what was read from it."""

    def __init__(self, head: bytes, name="big.pdf"):
        self.head, self.name, self.read_bytes = head, name, 0

    def read(self, size):
        chunk = (self.head if self.read_bytes == 0 else b"") + b"0" * size
        chunk = chunk[:size]
        self.read_bytes += len(chunk)
        return chunk


@pytest.mark.django_db
def test_a_pdf_named_png_is_stored_as_a_pdf_in_a_private_random_file(attachments_dir):
    conversation = ConversationFactory()
    attachment = store_upload(conversation, upload=SimpleUploadedFile("photo.png", PDF, "image/png"),
                              uploaded_by="shopper")
    stored = Attachment.objects.get()
    assert stored == attachment
    assert (stored.shop_id, stored.conversation_id, stored.message_id, stored.uploaded_by, stored.agent_id) == (
        conversation.shop_id, conversation.pk, None, "shopper", None)
    assert (stored.filename, stored.content_type, stored.size, stored.sha256) == (
        "photo.pdf", "application/pdf", len(PDF), hashlib.sha256(PDF).hexdigest())
    assert on_disk(attachments_dir) == [stored.storage_name]  # no temporary file left
    assert "photo" not in stored.storage_name and len(stored.storage_name) >= 40
    path = attachments_dir / stored.storage_name
    assert path.read_bytes() == PDF
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.django_db
@pytest.mark.parametrize("data, name, content_type, filename", [
    (PNG, "a.png", "image/png", "a.png"), (JPEG, "b.JPEG", "image/jpeg", "b.jpeg"),
    (GIF, "c.gif", "image/gif", "c.gif"), (WEBP, "d", "image/webp", "d.webp"),
    (PDF, "e.pdf", "application/pdf", "e.pdf"),
])
def test_each_allowed_type_is_stored_with_its_sniffed_type(data, name, content_type, filename):
    agent_conversation = ConversationFactory()
    agent = AgentFactory(shop=agent_conversation.shop)
    stored = store_upload(agent_conversation, upload=SimpleUploadedFile(name, data), uploaded_by="agent", agent=agent)
    assert (stored.content_type, stored.filename, stored.agent_id, stored.uploaded_by) == (
        content_type, filename, agent.pk, "agent")


@pytest.mark.django_db
@pytest.mark.parametrize("data, name", [
    (HTML, "photo.png"), (SVG, "photo.jpg"), (EXE, "photo.png"), (ZIP, "invoice.pdf"), (b"", "empty.png"),
    (b"%PDF", "tiny.pdf"), (b"just text", "notes.gif"),
])
def test_spoofed_or_unknown_types_are_refused_and_leave_nothing(data, name, attachments_dir,
                                                                  django_capture_on_commit_callbacks):
    conversation = ConversationFactory()
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(AttachmentRefused) as refused:
        store_upload(conversation, upload=SimpleUploadedFile(name, data, "image/png"), uploaded_by="shopper")
    assert refused.value.reason == "attachment_type_not_allowed"
    assert not Attachment.objects.exists() and on_disk(attachments_dir) == [] and callbacks == []


@pytest.mark.django_db
def test_a_foreign_type_is_refused_after_its_first_chunk():
    upload = Stream(HTML, name="page.png")
    with pytest.raises(AttachmentRefused, match="attachment_type_not_allowed"):
        store_upload(ConversationFactory(), upload=upload, uploaded_by="shopper")
    assert upload.read_bytes == CHUNK_BYTES


@pytest.mark.django_db
def test_size_limit_is_enforced_while_reading_and_leaves_nothing(attachments_dir):
    upload = Stream(PDF)  # endless: only the cap stops it
    with pytest.raises(AttachmentRefused) as refused:
        store_upload(ConversationFactory(), upload=upload, uploaded_by="shopper")
    assert refused.value.reason == "attachment_too_large"
    assert MAX_BYTES < upload.read_bytes <= MAX_BYTES + CHUNK_BYTES
    assert not Attachment.objects.exists() and on_disk(attachments_dir) == []


@pytest.mark.django_db
def test_a_file_of_exactly_the_limit_is_stored():
    data = PDF + b"0" * (MAX_BYTES - len(PDF))
    assert store_upload(ConversationFactory(), upload=SimpleUploadedFile("max.pdf", data),
                        uploaded_by="shopper").size == MAX_BYTES


@pytest.mark.django_db
def test_each_side_holds_at_most_one_message_worth_of_unsent_uploads(attachments_dir):
    conversation = ConversationFactory()
    agent = AgentFactory(shop=conversation.shop)
    uploads = [store_upload(conversation, upload=SimpleUploadedFile(f"{i}.png", PNG), uploaded_by="shopper")
               for i in range(MAX_PER_MESSAGE)]
    with pytest.raises(AttachmentRefused, match="too_many_attachments"):
        store_upload(conversation, upload=SimpleUploadedFile("6.png", PNG), uploaded_by="shopper")
    assert Attachment.objects.count() == MAX_PER_MESSAGE and len(on_disk(attachments_dir)) == MAX_PER_MESSAGE
    store_upload(conversation, upload=SimpleUploadedFile("agent.png", PNG), uploaded_by="agent", agent=agent)

    receive_customer_message(conversation, body="photos", client_id="c1", attachment_ids=[u.pk for u in uploads])
    assert store_upload(conversation, upload=SimpleUploadedFile("7.png", PNG), uploaded_by="shopper").message is None


def test_an_agent_upload_needs_an_agent_of_the_conversations_shop(db):
    conversation = ConversationFactory()
    with pytest.raises(ValueError):
        store_upload(conversation, upload=SimpleUploadedFile("a.png", PNG), uploaded_by="agent")
    with pytest.raises(ValueError):
        store_upload(conversation, upload=SimpleUploadedFile("a.png", PNG), uploaded_by="agent", agent=AgentFactory())
    assert not Attachment.objects.exists()


# --- sending uploads with a message --------------------------------------------------------------

def upload(conversation, name="a.png", data=PNG, agent=None):
    side = "agent" if agent else "shopper"
    return store_upload(conversation, upload=SimpleUploadedFile(name, data), uploaded_by=side, agent=agent)


@pytest.mark.django_db
def test_shopper_message_carries_its_uploads_in_one_transaction(django_capture_on_commit_callbacks):
    conversation = ConversationFactory()
    first, second = upload(conversation, "box.jpg", JPEG), upload(conversation, "label.pdf", PDF)
    with django_capture_on_commit_callbacks() as callbacks:
        message, created = receive_customer_message(conversation, body="  ", client_id="c1",
                                                    attachment_ids=[str(second.pk), str(first.pk)])
    assert created and message.body == ""  # the files carry the message
    assert list(message.attachments.order_by("pk")) == [first, second]
    event = TimelineEvent.objects.get(conversation=conversation)
    assert event.data["attachment_ids"] == [str(first.pk), str(second.pk)]
    assert len(callbacks) == 2  # the broadcast and the bot's turn


@pytest.mark.django_db(transaction=True)
def test_the_broadcast_lists_the_attachments(listen):
    conversation = ConversationFactory()
    agent = AgentFactory(shop=conversation.shop)
    shopper = listen(realtime.shopper_group(conversation.pk))
    agents = listen(realtime.agents_group(conversation.shop_id))
    sent = upload(conversation, "invoice.pdf", PDF, agent=agent)
    note_file = upload(conversation, "internal.png", PNG, agent=agent)

    add_internal_note(conversation, agent=agent, body="refund?", client_id="n1", attachment_ids=[note_file.pk])
    send_agent_reply(conversation, agent=agent, body="Your invoice", client_id="a1", attachment_ids=[sent.pk])

    expected = {"id": str(sent.pk), "filename": "invoice.pdf", "content_type": "application/pdf", "size": len(PDF)}
    assert [e["payload"]["attachments"] for e in shopper()] == [[expected]]
    assert [[a["id"] for a in e["payload"]["attachments"]] for e in agents()] == [[str(note_file.pk)], [str(sent.pk)]]


@pytest.mark.django_db
def test_a_retried_send_does_not_attach_twice():
    conversation = ConversationFactory()
    agent = AgentFactory(shop=conversation.shop)
    first = upload(conversation, agent=agent)
    message, created = send_agent_reply(conversation, agent=agent, body="see", client_id="a1",
                                        attachment_ids=[first.pk])
    later = upload(conversation, agent=agent)
    again, created_again = send_agent_reply(conversation, agent=agent, body="see", client_id="a1",
                                            attachment_ids=[first.pk, later.pk])
    assert (created, created_again, again.pk) == (True, False, message.pk)
    assert list(Attachment.objects.filter(message=message)) == [first]
    later.refresh_from_db()
    assert later.message_id is None
    assert Message.objects.count() == 1
    assert TimelineEvent.objects.filter(kind="message.created").count() == 1


def _sent_already(conversation, agent):
    done = upload(conversation)
    receive_customer_message(conversation, body="first", client_id="c0", attachment_ids=[done.pk])
    return [done.pk]


# (case, side that sends, setup(conversation, agent) -> the ids sent, reason)
REFUSALS = [
    ("another conversation's upload", "shopper", lambda c, a: [upload(ConversationFactory(shop=c.shop)).pk],
     "unknown_attachment"),
    ("another shop's upload", "agent",
     lambda c, a: [upload(other := ConversationFactory(), agent=AgentFactory(shop=other.shop)).pk],
     "unknown_attachment"),
    ("the agents' upload in a shopper message", "shopper", lambda c, a: [upload(c, agent=a).pk], "unknown_attachment"),
    ("the shopper's upload in a reply", "agent", lambda c, a: [upload(c).pk], "unknown_attachment"),
    ("the shopper's upload in a note", "note", lambda c, a: [upload(c).pk], "unknown_attachment"),
    ("an upload already sent", "shopper", _sent_already, "unknown_attachment"),
    ("an id that does not exist", "shopper", lambda c, a: [987654321], "unknown_attachment"),
    ("not an id", "shopper", lambda c, a: ["1 OR 1=1"], "unknown_attachment"),
    ("more than a message holds", "shopper", lambda c, a: [upload(c).pk for _ in range(MAX_PER_MESSAGE)] + [99],
     "too_many_attachments"),
]


def send(side, conversation, agent, ids):
    if side == "shopper":
        return receive_customer_message(conversation, body="x", client_id="c1", attachment_ids=ids)
    action = send_agent_reply if side == "agent" else add_internal_note
    return action(conversation, agent=agent, body="x", client_id="a1", attachment_ids=ids)


@pytest.mark.django_db
@pytest.mark.parametrize("side, setup, reason", [case[1:] for case in REFUSALS], ids=[case[0] for case in REFUSALS])
def test_a_send_with_uploads_it_may_not_use_is_refused_and_stores_nothing(side, setup, reason,
                                                                          django_capture_on_commit_callbacks):
    conversation = ConversationFactory()
    agent = AgentFactory(shop=conversation.shop)
    ids = setup(conversation, agent)
    before = (Message.objects.count(), TimelineEvent.objects.count(),
              sorted(Attachment.objects.values_list("pk", "message_id")))
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(AttachmentRefused) as refused:
        send(side, conversation, agent, ids)
    assert refused.value.reason == reason
    assert (Message.objects.count(), TimelineEvent.objects.count(),
            sorted(Attachment.objects.values_list("pk", "message_id"))) == before
    assert callbacks == []


@pytest.mark.django_db
def test_an_empty_message_without_files_is_still_refused():
    conversation = ConversationFactory()
    with pytest.raises(MessageRefused, match="empty_body"):
        receive_customer_message(conversation, body="  ", client_id="c1", attachment_ids=[])
    assert not Message.objects.exists()


# --- expiry and clean-up -------------------------------------------------------------------------

def age(attachment, hours):
    Attachment.objects.filter(pk=attachment.pk).update(created_at=timezone.now() - timedelta(hours=hours))


@pytest.mark.django_db
def test_an_upload_left_unsent_for_a_day_can_no_longer_be_sent_and_no_longer_counts():
    conversation = ConversationFactory()
    stale = [upload(conversation) for _ in range(MAX_PER_MESSAGE)]
    for attachment in stale:
        age(attachment, 25)
    fresh = upload(conversation)  # the stale ones do not hold the count
    with pytest.raises(AttachmentRefused, match="unknown_attachment"):
        receive_customer_message(conversation, body="x", client_id="c1", attachment_ids=[stale[0].pk])
    message, _ = receive_customer_message(conversation, body="x", client_id="c2", attachment_ids=[fresh.pk])
    assert list(message.attachments.all()) == [fresh]


@pytest.mark.django_db
def test_purge_deletes_expired_uploads_and_files_whose_conversation_is_gone(attachments_dir):
    conversation = ConversationFactory()
    sent, fresh, stale = upload(conversation), upload(conversation), upload(conversation)
    receive_customer_message(conversation, body="x", client_id="c1", attachment_ids=[sent.pk])
    age(stale, 25)
    purged_conversation = upload(ConversationFactory())
    purged_conversation.conversation.delete()  # retention or redaction: the row goes, the file stays
    (attachments_dir / ".crashed.part").write_bytes(b"%PDF-")
    long_ago = time.time() - 2 * 3600
    for name in os.listdir(attachments_dir):
        os.utime(attachments_dir / name, (long_ago, long_ago))
    (attachments_dir / ".in-progress.part").write_bytes(b"%PDF-")  # an upload being written right now

    assert purge_attachment_files() == {"unsent": 1, "orphans": 2}
    assert sorted(Attachment.objects.values_list("pk", flat=True)) == [sent.pk, fresh.pk]
    assert on_disk(attachments_dir) == sorted([sent.storage_name, fresh.storage_name, ".in-progress.part"])

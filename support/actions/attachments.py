"""Writes of chat attachments: storing an upload, and linking uploads to the message they are sent
with (called by ``support.actions.messages`` inside the message's transaction).

An upload is read in chunks with the size limit enforced while reading, typed by its first bytes
(``support.rules.attachments``), written to ``ATTACHMENTS_DIR`` under a random name (mode 0600,
first under a temporary name, then renamed) and recorded as an ``Attachment`` with no message yet.
A refusal leaves nothing behind: no row, no file. Uploads never sent expire after UNSENT_TTL;
``purge_attachment_files`` deletes them and any file whose row is gone (a purged or redacted
conversation), and is meant to run periodically."""
import hashlib
import logging
import os
import re
import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from shopapp.models import Agent
from shopapp.refusals import Refused
from support.models import Attachment, Conversation, Message, MessageKind
from support.rules.attachments import MAX_BYTES, MAX_PER_MESSAGE, SNIFF_BYTES, safe_filename, sniff_content_type
from support.selectors.locks import lock_conversation

logger = logging.getLogger(__name__)

SHOPPER, AGENT = "shopper", "agent"
CHUNK_BYTES = 64 * 1024
MAX_UNSENT = MAX_PER_MESSAGE  # a side holds at most one message's worth of uploads not sent yet
UNSENT_TTL = timedelta(hours=24)  # an upload not sent by then can no longer be, and is purged
ORPHAN_GRACE = timedelta(hours=1)  # a file without a row younger than this may be an upload in progress
STORAGE_NAME = re.compile(r"[A-Za-z0-9_-]{32,80}")


class AttachmentRefused(Refused):
    pass


def attachments_dir() -> Path:
    directory = Path(settings.ATTACHMENTS_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def attachment_path(attachment: Attachment) -> Path:
    """Where an attachment's bytes are; the stored name is checked so it can never leave the folder."""
    if not STORAGE_NAME.fullmatch(attachment.storage_name):
        raise ValueError("not a storage name")
    return Path(settings.ATTACHMENTS_DIR) / attachment.storage_name


def _unsent(conversation_id: int, uploaded_by: str):
    return Attachment.objects.filter(conversation_id=conversation_id, uploaded_by=uploaded_by, message__isnull=True,
                                     created_at__gte=timezone.now() - UNSENT_TTL)


def _copy(upload, path: Path) -> tuple[int, str, str]:
    """Copy ``upload`` to a new file at ``path`` (mode 0600); (size, sha256, sniffed type). Refuses as
    soon as the size limit is passed or the first bytes are not an allowed type."""
    if hasattr(upload, "seek"):
        upload.seek(0)
    digest, size, head, content_type = hashlib.sha256(), 0, b"", None
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(descriptor, "wb") as out:
        while chunk := upload.read(CHUNK_BYTES):
            size += len(chunk)
            if size > MAX_BYTES:
                raise AttachmentRefused("attachment_too_large")
            if content_type is None:
                head = (head + chunk)[:SNIFF_BYTES]
                if len(head) >= SNIFF_BYTES and (content_type := sniff_content_type(head)) is None:
                    raise AttachmentRefused("attachment_type_not_allowed")
            digest.update(chunk)
            out.write(chunk)
        if content_type is None and (content_type := sniff_content_type(head)) is None:
            raise AttachmentRefused("attachment_type_not_allowed")  # shorter than SNIFF_BYTES (or empty)
        out.flush()
        os.fsync(out.fileno())
    return size, digest.hexdigest(), content_type


def _unlink(*paths: Path) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def store_upload(conversation: Conversation, *, upload, uploaded_by: str, agent: Agent | None = None) -> Attachment:
    """Store one uploaded file (anything with ``read(n)`` and ``name``) for ``conversation``, not
    linked to a message yet. ``uploaded_by`` is "shopper" or "agent" (then ``agent`` is the shop's)."""
    if uploaded_by not in (SHOPPER, AGENT) or (uploaded_by == AGENT) != (agent is not None):
        raise ValueError("an agent upload names its agent, a shopper upload none")
    if agent is not None and agent.shop_id != conversation.shop_id:
        raise ValueError("the agent is not of the conversation's shop")
    if _unsent(conversation.pk, uploaded_by).count() >= MAX_UNSENT:
        raise AttachmentRefused("too_many_attachments")
    directory = attachments_dir()
    storage_name = secrets.token_urlsafe(32)
    partial, final = directory / f".{storage_name}.part", directory / storage_name
    try:
        size, sha256, content_type = _copy(upload, partial)
        with transaction.atomic():
            lock_conversation(conversation.pk)  # concurrent uploads count one after the other
            if _unsent(conversation.pk, uploaded_by).count() >= MAX_UNSENT:
                raise AttachmentRefused("too_many_attachments")
            os.replace(partial, final)
            attachment = Attachment.objects.create(
                shop_id=conversation.shop_id, conversation=conversation, uploaded_by=uploaded_by, agent=agent,
                filename=safe_filename(getattr(upload, "name", ""), content_type), content_type=content_type,
                size=size, sha256=sha256, storage_name=storage_name,
            )
    except BaseException as error:
        _unlink(partial, final)
        if isinstance(error, AttachmentRefused):
            logger.info("attachments.refused", extra={"reason": error.reason, "conversation_id": conversation.pk,
                                                      "uploaded_by": uploaded_by})
        raise
    logger.info("attachments.stored", extra={"attachment_id": attachment.pk, "conversation_id": conversation.pk,
                                             "content_type": content_type, "size": size})
    return attachment


def clean_attachment_ids(attachment_ids) -> tuple[int, ...]:
    """Pure rule: the distinct ids (strings or numbers) a message is sent with, in the given order."""
    ids: list[int] = []
    for value in attachment_ids or ():
        text = str(value).strip()
        if not text.isdigit() or len(text) > 18:  # isdigit also excludes negative ids
            raise AttachmentRefused("unknown_attachment")
        if int(text) not in ids:
            ids.append(int(text))
    if len(ids) > MAX_PER_MESSAGE:
        raise AttachmentRefused("too_many_attachments")
    return tuple(ids)


def attach_to_message(message: Message, attachment_ids: tuple[int, ...]) -> list[Attachment]:
    """Link unsent uploads of the message's conversation, uploaded by the message's side, to the
    message. Runs inside the message's transaction, under the conversation's lock: any id that is not
    such an upload refuses the whole send (and so rolls the message back)."""
    if not attachment_ids:
        return []
    side = SHOPPER if message.kind == MessageKind.SHOPPER else AGENT
    found = list(
        _unsent(message.conversation_id, side).filter(shop_id=message.shop_id, pk__in=attachment_ids)
        .select_for_update().order_by("pk")
    )
    if len(found) != len(set(attachment_ids)):
        raise AttachmentRefused("unknown_attachment")
    Attachment.objects.filter(pk__in=[attachment.pk for attachment in found]).update(message=message)
    for attachment in found:
        attachment.message = message
    return found


def serialize_attachment(attachment: Attachment) -> dict:
    return {"id": str(attachment.pk), "filename": attachment.filename, "content_type": attachment.content_type,
            "size": attachment.size}


def delete_attachments(queryset) -> int:
    """Delete the attachment rows of ``queryset`` (inside the caller's transaction) and their files
    once it commits (a rollback keeps both). Returns how many rows were deleted."""
    names = list(queryset.values_list("storage_name", flat=True))
    if not names:
        return 0
    deleted = Attachment.objects.filter(storage_name__in=names).delete()[0]
    directory = attachments_dir()
    transaction.on_commit(lambda: _unlink(*(directory / name for name in names if STORAGE_NAME.fullmatch(name))))
    return deleted


def purge_attachment_files(now=None) -> dict:
    """Delete uploads never sent within UNSENT_TTL (row and file), and files under ATTACHMENTS_DIR
    that no row names any more (their conversation was deleted) once older than ORPHAN_GRACE."""
    now = now or timezone.now()
    expired = Attachment.objects.filter(message__isnull=True, created_at__lt=now - UNSENT_TTL)
    with transaction.atomic():
        names = list(expired.select_for_update().values_list("storage_name", flat=True))
        expired.filter(storage_name__in=names).delete()
    directory = attachments_dir()
    for name in names:
        _unlink(directory / name)
    orphans = sum(_purge_orphans(directory, batch) for batch in _old_files(directory, now - ORPHAN_GRACE))
    logger.info("attachments.purged", extra={"unsent": len(names), "orphans": orphans})
    return {"unsent": len(names), "orphans": orphans}


def _old_files(directory: Path, before, batch_size: int = 1000):
    """Names of the plain files in ``directory`` last written before ``before``, in batches."""
    batch = []
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < before.timestamp():
                batch.append(entry.name)
                if len(batch) == batch_size:
                    yield batch
                    batch = []
    if batch:
        yield batch


def _purge_orphans(directory: Path, names: list[str]) -> int:
    known = set(Attachment.objects.filter(storage_name__in=names).values_list("storage_name", flat=True))
    orphans = [name for name in names if name not in known]
    _unlink(*(directory / name for name in orphans))
    return len(orphans)

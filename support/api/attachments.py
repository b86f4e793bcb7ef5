"""Chat attachments over HTTP: the upload and download helpers both APIs share, the serializers, and
the agents' endpoints (``/api/admin/conversations/<id>/attachments``, ``/api/admin/attachments/<id>``).
The widget's endpoints are in ``widget_attachments.py``.

An upload is a multipart body with one ``file`` field; its size is capped while the body is read
(nothing past the limit is kept, not even in a temporary file). A download is served with the type
sniffed at upload, ``nosniff``, a sandboxing CSP, and only to the conversation's parties."""
import logging

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from support.actions.attachments import AGENT, AttachmentRefused, attachment_path, store_upload
from support.models import Attachment
from support.rules.attachments import MAX_BYTES, is_image
from support.selectors.attachments import agent_attachment
from support.selectors.conversations import access_conversation

logger = logging.getLogger(__name__)

MULTIPART_OVERHEAD = 64 * 1024  # boundaries and part headers around one file


UPLOAD_HELP = "PNG, JPEG, GIF, WebP or PDF (decided by the content, not the name), at most 10 MiB"


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text=UPLOAD_HELP)


class AttachmentSerializer(serializers.Serializer):
    id = serializers.CharField()
    filename = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()


class MessageAttachmentSerializer(AttachmentSerializer):
    """An attachment as listed on a message, with the path that serves it to this side."""

    url_name = "admin-attachment"
    url = serializers.SerializerMethodField()

    def get_url(self, attachment) -> str:
        return reverse(self.url_name, args=[attachment.pk])


class _SizeCap(FileUploadHandler):
    """First upload handler of an upload request: passes file bytes on to Django's handlers until
    more than ``MAX_BYTES`` arrived, then stops the upload (the rest of the body is read and dropped,
    the partial file is closed and deleted)."""

    def __init__(self, request):
        super().__init__(request)
        self.received, self.exceeded = 0, False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > MAX_BYTES:
            self.exceeded = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None


def read_upload(request):
    """The uploaded ``file`` of a multipart request; refuses an oversized body before or while reading."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BYTES + MULTIPART_OVERHEAD:
        _too_large(length, received=0)  # not even read
    cap = _SizeCap(request._request)
    request._request.upload_handlers.insert(0, cap)  # before anything parses the body
    payload = UploadSerializer(data=request.data)
    if cap.exceeded:
        _too_large(length, received=cap.received)
    payload.is_valid(raise_exception=True)
    return payload.validated_data["file"]


def _too_large(length: int, *, received: int):
    logger.info("attachments.refused", extra={"reason": "attachment_too_large", "stage": "request",
                                              "content_length": length, "received": received})
    raise AttachmentRefused("attachment_too_large")


def file_response(attachment: Attachment) -> FileResponse:
    """The attachment's bytes with headers that keep a browser from running them as anything else."""
    try:
        handle = attachment_path(attachment).open("rb")
    except (FileNotFoundError, ValueError):
        logger.warning("attachments.file_missing", extra={"attachment_id": attachment.pk})
        raise Http404("no such attachment") from None
    response = FileResponse(handle, content_type=attachment.content_type)
    response["Content-Disposition"] = content_disposition_header(
        not is_image(attachment.content_type), attachment.filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private"
    return response


UPLOAD_REQUEST = {"multipart/form-data": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary", "description": UPLOAD_HELP}},
}}
UPLOAD_RESPONSES = {
    201: AttachmentSerializer,
    400: OpenApiResponse(description="attachment_too_large, attachment_type_not_allowed, too_many_attachments"),
    404: OpenApiResponse(description="no such conversation"),
}
DOWNLOAD_RESPONSES = {
    (200, "application/octet-stream"): OpenApiResponse(
        response=OpenApiTypes.BINARY, description="the file, with the Content-Type sniffed at upload"
    ),
    404: OpenApiResponse(description="no such attachment for this party"),
}


class ConversationAttachmentUploadApi(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(request=UPLOAD_REQUEST, responses=UPLOAD_RESPONSES, operation_id="admin_attachment_upload",
                   tags=["attachments"],
                   summary="Upload a file to send with the next reply or note (attachment_ids)")
    def post(self, request, conversation_id: int):
        conversation = access_conversation(request.user, conversation_id)
        attachment = store_upload(conversation, upload=read_upload(request), uploaded_by=AGENT, agent=request.user)
        return Response(AttachmentSerializer(attachment).data, status=201)


class AttachmentDownloadApi(APIView):
    @extend_schema(responses=DOWNLOAD_RESPONSES, operation_id="admin_attachment_download", tags=["attachments"],
                   summary="Download an attachment of this shop's conversations")
    def get(self, request, attachment_id: int):
        return file_response(agent_attachment(request.user, attachment_id))

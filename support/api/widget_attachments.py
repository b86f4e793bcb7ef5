"""The widget's attachment endpoints (``/api/widget/conversations/<id>/attachments``,
``/api/widget/attachments/<id>``): the shopper uploads to their own conversation and downloads only
what the shop sent them or they sent (never an internal note's file). Same identity as the rest of
the widget API (app-proxy signature, visitor token); anything else is a 404."""
from drf_spectacular.utils import extend_schema
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from support import ratelimits
from support.actions.attachments import SHOPPER, store_upload
from support.selectors.attachments import shopper_attachment

from .attachments import (
    DOWNLOAD_RESPONSES,
    UPLOAD_REQUEST,
    UPLOAD_RESPONSES,
    AttachmentSerializer,
    file_response,
    read_upload,
)
from .widget import TooManyRequests, WidgetApi, _customer, widget_conversation

UPLOADS_PER_CONVERSATION = ratelimits.Limit("upload-conv", 30, 3600)


class WidgetAttachmentUploadApi(WidgetApi):
    parser_classes = [MultiPartParser]

    @extend_schema(request=UPLOAD_REQUEST, responses=UPLOAD_RESPONSES, operation_id="widget_attachment_upload",
                   tags=["attachments"],
                   summary="Upload a file to send with the next message (attachment_ids)")
    def post(self, request, conversation_id: int):
        conversation = widget_conversation(request.user, conversation_id)
        if not ratelimits.allow(UPLOADS_PER_CONVERSATION, str(conversation.pk)):
            raise TooManyRequests("uploads_per_conversation")
        attachment = store_upload(conversation, upload=read_upload(request), uploaded_by=SHOPPER)
        return Response(AttachmentSerializer(attachment).data, status=201)


class WidgetAttachmentDownloadApi(WidgetApi):
    @extend_schema(responses=DOWNLOAD_RESPONSES, operation_id="widget_attachment_download", tags=["attachments"],
                   summary="Download an attachment of the shopper's conversation")
    def get(self, request, attachment_id: int):
        identity = request.user
        return file_response(shopper_attachment(identity.shop, _customer(identity), attachment_id))

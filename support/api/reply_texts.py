"""``/api/admin/reply-texts...``: the merchant's wording of the bot's texts (greeting, out-of-hours,
hand-off, order answers) per key and language. Every agent reads them and previews a wording; owners
and admins set and reset them (others: 403, nothing written). A wording the bot may not send is a 400
with the reason code of ``support.rules.reply_texts.check_override``, nothing written."""
import logging

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from shopapp.api.exceptions import BadRequest
from shopapp.api.permissions import AdminToWrite
from support.actions.reply_texts import reset_reply_text, set_reply_text
from support.rules import reply_texts as rules
from support.selectors.reply_texts import reply_overrides, reply_text_entry, reply_text_listing

logger = logging.getLogger(__name__)

TAGS = ["reply-texts"]


class CanEditReplyTexts(AdminToWrite):
    message = "only the shop's owner and admins can change the bot's texts"
    log_key = "reply_texts.write.refused"


class ReplyTextLanguageSerializer(serializers.Serializer):
    language = serializers.CharField()
    default = serializers.CharField(help_text="the app's text")
    override = serializers.CharField(allow_null=True, help_text="the shop's text, which the bot sends instead")
    updated_at = serializers.DateTimeField(allow_null=True)
    updated_by = serializers.CharField(allow_null=True, help_text="id of the agent who last set it")


class ReplyTextKeySerializer(serializers.Serializer):
    key = serializers.CharField()
    variables = serializers.ListField(child=serializers.CharField(),
                                      help_text="the {variables} a text of this key must use, all of them")
    texts = ReplyTextLanguageSerializer(many=True, help_text="one per answered language")


class ReplyTextEntrySerializer(ReplyTextLanguageSerializer):
    key = serializers.CharField()
    variables = serializers.ListField(child=serializers.CharField())


class ReplyTextBodySerializer(serializers.Serializer):
    body = serializers.CharField(allow_blank=True, trim_whitespace=False,
                                 help_text="plain text; variables as {name}, a literal brace as {{ or }}")


class ReplyTextPreviewSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="the body with sample values, as a shopper would read it")


REFUSALS = {400: OpenApiResponse(description="refused, with a reason code"),
            403: OpenApiResponse(description="not owner or admin")}


def _body(request) -> str:
    payload = ReplyTextBodySerializer(data=request.data)
    payload.is_valid(raise_exception=True)
    return payload.validated_data["body"]


def _refusal(error: rules.OverrideRefused) -> BadRequest:
    return BadRequest(error.reason, error.detail)


class ReplyTextListApi(APIView):
    @extend_schema(responses=ReplyTextKeySerializer(many=True), operation_id="admin_reply_texts",
                   summary="Every text of the bot the shop may reword, with its defaults and overrides", tags=TAGS)
    def get(self, request):
        return Response(ReplyTextKeySerializer(reply_text_listing(request.auth.shop), many=True).data)


class ReplyTextDetailApi(APIView):
    permission_classes = [IsAuthenticated, CanEditReplyTexts]

    @extend_schema(request=ReplyTextBodySerializer, responses={200: ReplyTextEntrySerializer, **REFUSALS},
                   operation_id="admin_reply_text_set", summary="Set the shop's text of a key in a language",
                   tags=TAGS)
    def put(self, request, key: str, language: str):
        shop = request.auth.shop
        try:
            set_reply_text(shop, agent=request.user, key=key, language=language, body=_body(request))
        except rules.OverrideRefused as error:
            raise _refusal(error) from None
        return Response(ReplyTextEntrySerializer(reply_text_entry(shop, key, language)).data)

    @extend_schema(responses={204: None, **REFUSALS}, operation_id="admin_reply_text_reset",
                   summary="Back to the default text of a key in a language", tags=TAGS)
    def delete(self, request, key: str, language: str):
        try:
            reset_reply_text(request.auth.shop, agent=request.user, key=key, language=language)
        except rules.OverrideRefused as error:
            raise _refusal(error) from None
        return Response(status=204)


class ReplyTextPreviewApi(APIView):
    @extend_schema(request=ReplyTextBodySerializer, responses={200: ReplyTextPreviewSerializer, 400: REFUSALS[400]},
                   operation_id="admin_reply_text_preview",
                   summary="A wording with sample values, checked like a save (nothing stored)", tags=TAGS)
    def post(self, request, key: str, language: str):
        shop = request.auth.shop
        body = _body(request)
        try:
            text = rules.preview(key, language, body, shop_name=shop.name or shop.domain,
                                 overrides=reply_overrides(shop))
        except rules.OverrideRefused as error:
            raise _refusal(error) from None
        return Response(ReplyTextPreviewSerializer({"text": text}).data)

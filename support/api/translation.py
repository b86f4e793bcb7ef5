"""``/api/admin/settings/translation``: the shop's machine translation (provider, key, the agents'
language). Every agent may read it (the inbox needs to know whether replies can be translated);
owners and admins change it. The key is write-only: answers only say whether one is set.

Also the reply path's translation errors: a provider that cannot translate answers 503 (quota, rate
limit, timeout: try later) or 502 (refused key, provider error), with the reason as ``code``."""
import logging

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import APIException
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from shopapp.api.permissions import AdminToWrite
from support.actions import translation as translation_actions
from support.models import TranslationProvider
from support.selectors.translation import translation_settings
from support.translation.base import TranslationUnavailable
from support.translation.languages import normalize
from support.translation.providers import off_reason

logger = logging.getLogger(__name__)

LANGUAGE_TAG = r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,2}$"
UNAVAILABLE_STATUS = {"quota": 503, "rate_limited": 503, "timeout": 503, "auth": 502, "provider_error": 502}


class TranslationFailed(APIException):
    """The provider could not translate the reply; nothing was sent."""

    def __init__(self, reason: str):
        self.status_code = UNAVAILABLE_STATUS.get(reason, 502)
        super().__init__(detail=f"the reply could not be translated: {reason}; nothing was sent", code=reason)


def send_translated(conversation, agent, data: dict):
    """``send_translated_reply`` for the reply endpoint, with provider failures as 502/503."""
    try:
        return translation_actions.send_translated_reply(
            conversation, agent=agent, body=data["body"], client_id=data["client_id"],
            attachment_ids=data["attachment_ids"],
        )
    except TranslationUnavailable as error:
        raise TranslationFailed(error.reason) from None


class IsShopAdminToWrite(AdminToWrite):
    message = "only the shop's owner and admins can change translation settings"
    log_key = "translation.settings.refused"


class TranslationSettingsSerializer(serializers.Serializer):
    provider = serializers.ChoiceField(choices=TranslationProvider.choices, allow_blank=True)
    enabled = serializers.BooleanField(help_text="translation is on: a provider, a key and the switch on")
    switched_on = serializers.BooleanField(help_text="the merchant's switch")
    agent_language = serializers.CharField()
    key_set = serializers.BooleanField()
    reason = serializers.CharField(allow_null=True, help_text="why it is off: no_key, no_provider or disabled")


class TranslationSettingsUpdateSerializer(serializers.Serializer):
    provider = serializers.ChoiceField(choices=TranslationProvider.choices, allow_blank=True, required=False)
    api_key = serializers.CharField(max_length=200, allow_blank=True, trim_whitespace=True, required=False,
                                    write_only=True, help_text='write-only; "" removes the key')
    enabled = serializers.BooleanField(required=False)
    agent_language = serializers.RegexField(LANGUAGE_TAG, max_length=16, required=False)

    def validate_agent_language(self, value):
        return normalize(value)


def _answer(row) -> dict:
    reason = off_reason(row)
    return {
        "provider": row.provider if row else "",
        "enabled": not reason,
        "switched_on": row.enabled if row else True,
        "agent_language": row.agent_language if row else "en",
        "key_set": bool(row and row.api_key),
        "reason": reason or None,
    }


REFUSALS = {401: OpenApiResponse(description="invalid session token"),
            403: OpenApiResponse(description="not owner or admin (writes)")}


class TranslationSettingsApi(APIView):
    permission_classes = [IsAuthenticated, IsShopAdminToWrite]

    @extend_schema(responses={200: TranslationSettingsSerializer, **REFUSALS}, tags=["translation"],
                   summary="The shop's machine translation settings (the key is never returned)")
    def get(self, request):
        return Response(_answer(translation_settings(request.user.shop_id)))

    @extend_schema(request=TranslationSettingsUpdateSerializer,
                   responses={200: TranslationSettingsSerializer, 400: OpenApiResponse(description="invalid input"),
                              **REFUSALS},
                   tags=["translation"], summary="Change the provider, key, switch or agents' language")
    def put(self, request):
        payload = TranslationSettingsUpdateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        row = translation_actions.update_translation_settings(request.auth.shop, agent=request.user,
                                                              changes=payload.validated_data)
        return Response(_answer(row))

"""``/api/admin/settings/sla``: the SLA targets of each priority tier (first response, next response,
resolution, in minutes) and whether they count business hours or calendar hours. Any agent reads (a
tier never set shows the defaults, ``"default": true``); owners and admins change them (403 for others,
400 with the field on bad input, nothing written either way). ``null`` for a tier restores its defaults."""
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from support.actions.sla_settings import update_sla_policies
from support.api.hours import AdminToWrite
from support.rules.sla import MAX_TARGET_MINUTES
from support.selectors.sla import sla_settings


class AdminToChange(AdminToWrite):
    message = "only the shop's owner and admins can change the SLA targets"


def _minutes(help_text: str):
    return serializers.IntegerField(min_value=1, max_value=MAX_TARGET_MINUTES, help_text=help_text)


class TierSerializer(serializers.Serializer):
    first_response_minutes = _minutes("the first agent reply is due this long after the shopper's first message")
    next_response_minutes = _minutes("each later reply is due this long after the shopper writes again")
    resolution_minutes = _minutes("the conversation is due to be resolved this long after it started")
    business_hours = serializers.BooleanField(help_text="count the shop's business hours, else calendar hours")


class TierStateSerializer(TierSerializer):
    default = serializers.BooleanField(help_text="the app's defaults: the shop never set this tier")


class SlaSettingsSerializer(serializers.Serializer):
    A = TierSerializer(required=False, allow_null=True, help_text="urgent; null restores the defaults")
    B = TierSerializer(required=False, allow_null=True)
    C = TierSerializer(required=False, allow_null=True, help_text="general")

    def validate(self, attrs):
        unknown = sorted(set(self.initial_data) - set(self.fields)) if isinstance(self.initial_data, dict) else []
        if unknown:
            raise serializers.ValidationError({name: ["not a priority tier (A, B, C)"] for name in unknown})
        return attrs


class SlaSettingsStateSerializer(serializers.Serializer):
    A = TierStateSerializer()
    B = TierStateSerializer()
    C = TierStateSerializer()


def _shown(shop) -> dict:
    return {
        tier: {"first_response_minutes": targets.first_response, "next_response_minutes": targets.next_response,
               "resolution_minutes": targets.resolution, "business_hours": targets.business_hours,
               "default": default}
        for tier, (targets, default) in sla_settings(shop).items()
    }


class SlaSettingsApi(APIView):
    permission_classes = [IsAuthenticated, AdminToChange]

    @extend_schema(responses=SlaSettingsStateSerializer, operation_id="admin_settings_sla",
                   summary="The SLA targets per priority tier", tags=["settings"])
    def get(self, request):
        return Response(_shown(request.auth.shop))

    @extend_schema(request=SlaSettingsSerializer,
                   responses={200: SlaSettingsStateSerializer, 400: OpenApiResponse(description="invalid field"),
                              403: OpenApiResponse(description="not owner or admin")},
                   operation_id="admin_settings_sla_update", summary="Change the SLA targets of some tiers",
                   tags=["settings"])
    def put(self, request):
        payload = SlaSettingsSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        update_sla_policies(request.auth.shop, agent=request.user, tiers=payload.validated_data)
        return Response(_shown(request.auth.shop))

"""``/api/admin/settings/support``: how long conversations are kept (months, default 18), from what
lifetime spend a customer is high value (their conversations move up a priority tier; empty: off),
and when follow-ups are due (check-in days, nudge and resolve hours, dispute deadline hours).
Any agent reads; owners and admins change them (403 for others, 400 with the field on bad input,
nothing written either way)."""
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from shopapp.api.permissions import AdminToWrite
from support.actions.support_settings import FIELDS, support_settings, update_support_settings


class AdminToChange(AdminToWrite):
    message = "only the shop's owner and admins can change these settings"
    log_key = "support.settings.refused"


class SupportSettingsSerializer(serializers.Serializer):
    retention_months = serializers.IntegerField(min_value=1, max_value=120, required=False,
                                                help_text="conversations older than this are purged")
    high_value_threshold = serializers.DecimalField(
        max_digits=14, decimal_places=2, min_value=0, allow_null=True, required=False,
        help_text="lifetime spend (shop currency) from which a customer moves up a priority tier; null: off")
    checkin_after_days = serializers.IntegerField(min_value=0, max_value=60, required=False,
                                                  help_text="delivery check-in this many days after delivery; 0: off")
    nudge_after_hours = serializers.IntegerField(min_value=0, max_value=720, required=False,
                                                 help_text="nudge a shopper who has not answered; 0: off")
    resolve_after_hours = serializers.IntegerField(min_value=0, max_value=2160, required=False,
                                                   help_text="resolve a conversation the shopper left; 0: off")
    dispute_deadline_hours = serializers.IntegerField(min_value=1, max_value=720, required=False,
                                                      help_text="evidence deadline after a dispute tag")


def _shown(row) -> dict:
    return SupportSettingsSerializer({name: getattr(row, name) for name in FIELDS}).data


class SupportSettingsApi(APIView):
    permission_classes = [IsAuthenticated, AdminToChange]

    @extend_schema(responses=SupportSettingsSerializer, operation_id="admin_settings_support",
                   summary="Retention and the high-value threshold", tags=["settings"])
    def get(self, request):
        return Response(_shown(support_settings(request.auth.shop)))

    @extend_schema(request=SupportSettingsSerializer,
                   responses={200: SupportSettingsSerializer, 400: OpenApiResponse(description="invalid field"),
                              403: OpenApiResponse(description="not owner or admin")},
                   operation_id="admin_settings_support_update", summary="Change retention or the threshold",
                   tags=["settings"])
    def put(self, request):
        payload = SupportSettingsSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        row = update_support_settings(request.auth.shop, agent=request.user, values=payload.validated_data)
        return Response(_shown(row))

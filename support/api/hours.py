"""``/api/admin/settings/hours``: the shop's business hours and its greeting / out-of-hours switches.
Any agent reads them; owners and admins change them (403 for others, nothing written). Bad input is
a 400 with the reason code of ``support.rules.hours.ScheduleError``, nothing written."""
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from shopapp.api.exceptions import BadRequest
from shopapp.api.permissions import AdminToWrite
from support.actions.hours import set_business_hours
from support.rules.hours import ScheduleError
from support.selectors.hours import hours_settings


class CanEditHours(AdminToWrite):
    message = "only the shop's owner and admins can change business hours"
    log_key = "hours.settings.refused"


class HoursSerializer(serializers.Serializer):
    timezone = serializers.CharField(help_text="IANA zone, e.g. Europe/Berlin")
    weekly = serializers.DictField(
        child=serializers.ListField(child=serializers.ListField(child=serializers.CharField(), min_length=2,
                                                                max_length=2)),
        help_text='"mon".."sun" to intervals [["09:00", "12:00"], ["14:00", "18:00"]]; "24:00" ends a day; '
                  "a weekday left out is closed",
    )
    holiday_countries = serializers.ListField(child=serializers.CharField(), required=False,
                                              help_text='public holidays of these countries are closed, e.g. ["DE"]')
    holiday_subdivision = serializers.CharField(required=False, allow_null=True,
                                                help_text='a region of the first country, e.g. "BY"')
    closed_dates = serializers.ListField(child=serializers.DateField(), required=False,
                                         help_text="the merchant's own closed days")
    greeting_enabled = serializers.BooleanField(required=False)
    out_of_hours_enabled = serializers.BooleanField(required=False)


class HoursStateSerializer(HoursSerializer):
    open_now = serializers.BooleanField()
    next_opening = serializers.DateTimeField(allow_null=True, help_text="in the shop's time zone")


class BusinessHoursApi(APIView):
    permission_classes = [IsAuthenticated, CanEditHours]

    @extend_schema(responses=HoursStateSerializer, operation_id="admin_settings_hours",
                   summary="The shop's business hours (every day open when never set)", tags=["settings"])
    def get(self, request):
        return Response(hours_settings(request.auth.shop, now=timezone.now()))

    @extend_schema(
        request=HoursSerializer,
        responses={200: HoursStateSerializer, 400: OpenApiResponse(description="bad hours, with a reason code"),
                   403: OpenApiResponse(description="not owner or admin")},
        operation_id="admin_settings_hours_update", summary="Replace the shop's business hours", tags=["settings"],
    )
    def put(self, request):
        shop = request.auth.shop
        try:
            set_business_hours(shop, agent=request.user, data=request.data)
        except ScheduleError as error:
            raise BadRequest(error.code, error.message) from None
        return Response(hours_settings(shop, now=timezone.now()))

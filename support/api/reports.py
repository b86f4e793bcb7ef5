"""``/api/admin/reports`` (JSON for the admin's charts) and ``/api/admin/reports.csv`` (the same tables as
CSV): the shop's support report (``selectors.reports``) for supervisors, admins and owners (403 for
agents). Query: ``from`` and ``to`` (``YYYY-MM-DD``, the shop's days, ``to`` excluded; by default the
last 30 days), ``group`` (day, week, month) and ``agent`` (an agent's id). Bad input is a 400 with a
reason code; another shop's agent is a 404."""
import logging

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from support.rules.report_csv import csv_filename, report_csv
from support.rules.reports import FIGURES
from support.selectors.reports import report_agent, report_period_for, support_report

logger = logging.getLogger(__name__)

DURATIONS = {"first_response_median_seconds", "first_response_p90_seconds", "resolution_median_seconds",
             "resolution_p90_seconds"}
RATIOS = {"resolution_rate", "containment_rate", "csat_response_rate", "csat_score", "sla_compliance"}


class IsSupervisor(BasePermission):
    """The supervisor role and above; others get a 403 and one log line."""

    message = "only supervisors, admins and owners can see reports"

    def has_permission(self, request, view):
        if request.user.has_role("supervisor"):
            return True
        logger.info("reports.refused", extra={"reason": "role", "agent_id": request.user.pk})
        return False


def _figure_field(name: str) -> serializers.Field:
    if name in DURATIONS:
        return serializers.FloatField(allow_null=True, help_text="seconds; null without any")
    if name in RATIOS:
        return serializers.FloatField(allow_null=True, help_text="0 to 1, four places; null when nothing to divide")
    if name == "csat_mean":
        return serializers.FloatField(allow_null=True, help_text="the average rating (1-5), two places")
    return serializers.IntegerField()


FiguresSerializer = type("ReportFiguresSerializer", (serializers.Serializer,),
                         {name: _figure_field(name) for name in FIGURES})


class ReportPeriodFiguresSerializer(FiguresSerializer):
    period = serializers.CharField(help_text="the bucket's first day, YYYY-MM-DD (weeks start on Monday)")


class ReportSlaTargetSerializer(serializers.Serializer):
    target = serializers.CharField(help_text="first_response, next_response or resolution")
    hits = serializers.IntegerField()
    breaches = serializers.IntegerField()
    compliance = serializers.FloatField(allow_null=True, help_text="hits / (hits + breaches)")
    warnings = serializers.IntegerField()
    escalations = serializers.IntegerField()


def _count_of(label: str, field: serializers.Field):
    return type(f"ReportVolume{label.title()}Serializer", (serializers.Serializer,),
                {label: field, "conversations": serializers.IntegerField()})


class ReportVolumeSerializer(serializers.Serializer):
    by_channel = _count_of("channel", serializers.CharField())(many=True)
    by_intent = _count_of("intent", serializers.CharField(allow_null=True, help_text="null: none recognised"))(
        many=True)
    by_hour = _count_of("hour", serializers.IntegerField(help_text="0-23, the shop's time"))(many=True)
    by_weekday = _count_of("weekday", serializers.CharField(help_text="mon ... sun"))(many=True)


class ReportCreditFiguresSerializer(serializers.Serializer):
    currency = serializers.CharField()
    count = serializers.IntegerField()
    amount = serializers.CharField(help_text="decimal, in the currency")


class ReportCreditPeriodSerializer(ReportCreditFiguresSerializer):
    period = serializers.CharField()


class ReportCreditsSerializer(serializers.Serializer):
    totals = ReportCreditFiguresSerializer(many=True)
    series = ReportCreditPeriodSerializer(many=True)


class ReportAgentFiguresSerializer(serializers.Serializer):
    agent_id = serializers.CharField()
    agent = serializers.CharField()
    conversations = serializers.IntegerField(help_text="started in the period, assigned to or replied to by them")
    resolved = serializers.IntegerField()
    first_responses = serializers.IntegerField(help_text="conversations where theirs was the first reply")
    first_response_median_seconds = serializers.FloatField(allow_null=True)
    csat_rated = serializers.IntegerField()
    csat_score = serializers.FloatField(allow_null=True, help_text="share of ratings 4-5")
    csat_mean = serializers.FloatField(allow_null=True)


# "from" is a Python keyword: the report's serializer is built with type() to name its field so.
ReportSerializer = type("SupportReportSerializer", (serializers.Serializer,), {
    "from": serializers.CharField(help_text="the first day, YYYY-MM-DD"),
    "to": serializers.CharField(help_text="the day after the last, YYYY-MM-DD"),
    "group": serializers.CharField(),
    "timezone": serializers.CharField(help_text="the shop's time zone: days, hours and weekdays are its"),
    "agent_id": serializers.CharField(allow_null=True),
    "summary": FiguresSerializer(),
    "series": ReportPeriodFiguresSerializer(many=True),
    "sla": ReportSlaTargetSerializer(many=True),
    "volume": ReportVolumeSerializer(),
    "credits": ReportCreditsSerializer(),
    "agents": ReportAgentFiguresSerializer(many=True),
})

PARAMETERS = [
    OpenApiParameter("from", str, description="first day, YYYY-MM-DD (default: 30 days before `to`)"),
    OpenApiParameter("to", str, description="the day after the last, YYYY-MM-DD (default: tomorrow)"),
    OpenApiParameter("group", str, enum=["day", "week", "month"], description="bucket of the series (default day)"),
    OpenApiParameter("agent", str, description="only this agent's conversations and credits"),
]
REFUSALS = {
    400: OpenApiResponse(description="bad_date, bad_group, bad_range, range_too_long (400 days) or bad_agent"),
    403: OpenApiResponse(description="not a supervisor, admin or owner"),
    404: OpenApiResponse(description="no such agent in the shop"),
}


def _report(request) -> dict:
    shop, query = request.auth.shop, request.query_params
    period = report_period_for(shop, first=query.get("from"), end=query.get("to"), group=query.get("group"))
    return support_report(shop, period, agent=report_agent(shop, query.get("agent")))


class SupportReportApi(APIView):
    permission_classes = [IsAuthenticated, IsSupervisor]

    @extend_schema(parameters=PARAMETERS, responses={200: ReportSerializer, **REFUSALS},
                   operation_id="admin_reports", tags=["reports"],
                   summary="Response and resolution times, CSAT, SLA, containment, volume, credits, per agent")
    def get(self, request):
        return Response(ReportSerializer(_report(request)).data)


class SupportReportCsvApi(APIView):
    permission_classes = [IsAuthenticated, IsSupervisor]

    def perform_content_negotiation(self, request, force=False):
        """``Accept: text/csv`` is fine: the report is a plain response, refusals fall back to JSON (no 406)."""
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(parameters=PARAMETERS, responses={(200, "text/csv"): OpenApiTypes.STR, **REFUSALS},
                   operation_id="admin_reports_csv", tags=["reports"],
                   summary="The same report as CSV: one section per table")
    def get(self, request):
        report = _report(request)
        response = HttpResponse(report_csv(report), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{csv_filename(report)}"'
        return response

"""``/api/admin/credit/reports``: the shop's store-credit report (``selectors.credit_reports``) for
supervisors, admins and owners (403 for agents). Bad months are a 400 with a reason code."""
import logging

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from support.selectors.credit_reports import credit_report, report_months

logger = logging.getLogger(__name__)


class IsSupervisor(BasePermission):
    """The supervisor role and above; others get a 403 and one log line."""

    message = "only supervisors, admins and owners can see credit reports"

    def has_permission(self, request, view):
        if request.user.has_role("supervisor"):
            return True
        logger.info("credit.reports.refused", extra={"reason": "role", "agent_id": request.user.pk})
        return False


class CreditFiguresSerializer(serializers.Serializer):
    currency = serializers.CharField()
    count = serializers.IntegerField()
    amount = serializers.CharField(help_text="decimal, in the currency")


class CreditReasonFiguresSerializer(CreditFiguresSerializer):
    reason = serializers.CharField()


class CreditAgentFiguresSerializer(CreditFiguresSerializer):
    agent_id = serializers.CharField(allow_null=True, help_text="null for the app's own offers")
    agent = serializers.CharField(help_text='the requester\'s name, "app" for the app\'s offers')


class CreditMonthFiguresSerializer(CreditFiguresSerializer):
    month = serializers.CharField(help_text="YYYY-MM in the shop's time zone")


class CreditTotalSerializer(CreditFiguresSerializer):
    revenue = serializers.CharField(allow_null=True, help_text="the months' order totals in the currency")
    revenue_share = serializers.CharField(allow_null=True, help_text="amount / revenue, 4 decimals")


class CreditPendingSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    oldest_requested_at = serializers.DateTimeField(allow_null=True)


# "from" is a Python keyword: the report's serializer is built with type() to name its field so.
CreditReportSerializer = type("CreditReportSerializer", (serializers.Serializer,), {
    "from": serializers.CharField(help_text="the first month, YYYY-MM"),
    "to": serializers.CharField(help_text="the last month, YYYY-MM"),
    "timezone": serializers.CharField(help_text="the shop's time zone: the months are its months"),
    "by_reason": CreditReasonFiguresSerializer(many=True),
    "by_agent": CreditAgentFiguresSerializer(many=True),
    "by_month": CreditMonthFiguresSerializer(many=True),
    "totals": CreditTotalSerializer(many=True),
    "pending_approvals": CreditPendingSerializer(),
})


class CreditReportApi(APIView):
    permission_classes = [IsAuthenticated, IsSupervisor]

    @extend_schema(
        parameters=[
            OpenApiParameter("from", str, description="first month, YYYY-MM (default: eleven months before `to`)"),
            OpenApiParameter("to", str, description="last month, YYYY-MM (default: the current month)"),
        ],
        responses={200: CreditReportSerializer,
                   400: OpenApiResponse(description="bad_month, bad_range or range_too_long (36 months at most)"),
                   403: OpenApiResponse(description="not a supervisor, admin or owner")},
        operation_id="admin_credit_reports",
        summary="Store credit issued per reason, agent and month; pending approvals",
        tags=["credit"],
    )
    def get(self, request):
        shop = request.auth.shop
        months = report_months(shop, first=request.query_params.get("from"), last=request.query_params.get("to"))
        return Response(CreditReportSerializer(credit_report(shop, months)).data)

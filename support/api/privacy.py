"""``/api/admin/privacy/...``: the merchant's copies of the exports answering Shopify's
``customers/data_request``. Owners and admins only; every read is scoped to the session's shop."""
import json
import logging

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from support.actions.privacy import record_export_download
from support.selectors.privacy import data_export, data_exports

logger = logging.getLogger(__name__)


class IsShopAdmin(BasePermission):
    """Staff with the admin role or above (owner); others get a 403 and one log line."""

    message = "only the shop's owner and admins can see privacy exports"

    def has_permission(self, request, view):
        if request.user.has_role("admin"):
            return True
        logger.info(
            "privacy.exports.refused", extra={"reason": "role", "agent_id": request.user.pk, "path": request.path}
        )
        return False


class DataExportSerializer(serializers.Serializer):
    id = serializers.CharField()
    customer_id = serializers.CharField(source="customer_shopify_id")
    requested_at = serializers.DateTimeField()
    completed_at = serializers.DateTimeField(allow_null=True)


REFUSALS = {401: OpenApiResponse(description="invalid session token"), 403: OpenApiResponse(description="not admin")}


class DataExportListApi(APIView):
    permission_classes = [IsAuthenticated, IsShopAdmin]

    @extend_schema(
        responses={200: DataExportSerializer(many=True), **REFUSALS},
        summary="Customer data exports of the shop, newest first",
        tags=["privacy"],
    )
    def get(self, request):
        return Response(DataExportSerializer(data_exports(request.auth.shop), many=True).data)


class DataExportDownloadApi(APIView):
    permission_classes = [IsAuthenticated, IsShopAdmin]

    @extend_schema(
        responses={
            (200, "application/json"): OpenApiTypes.OBJECT,
            404: OpenApiResponse(description="no such export in this shop"),
            **REFUSALS,
        },
        summary="Download one customer data export as a JSON attachment",
        tags=["privacy"],
    )
    def get(self, request, export_id: int):
        export = data_export(request.auth.shop, export_id)
        record_export_download(export, agent=request.user)
        response = HttpResponse(
            json.dumps(export.content, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="customer-{export.customer_shopify_id}-export.json"'
        response["Cache-Control"] = "no-store"
        return response

"""Admin API: the merchant sees deliveries that failed (with their error) and replays them."""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from . import actions
from .models import DeliveryStatus, WebhookDelivery

PAGE = 100


class DeliverySerializer(serializers.ModelSerializer):
    id = serializers.CharField()

    class Meta:
        model = WebhookDelivery
        fields = ["id", "topic", "status", "attempts", "last_error", "received_at", "processed_at"]


def _require_admin(request):
    if not request.user.has_role("admin"):
        raise PermissionDenied("only the shop's admins and owner manage webhook deliveries")


class FailedDeliveryListApi(APIView):
    @extend_schema(responses=DeliverySerializer(many=True), summary="Webhook deliveries that failed")
    def get(self, request):
        _require_admin(request)
        rows = WebhookDelivery.objects.filter(
            shop_domain=request.auth.shop.domain, status=DeliveryStatus.FAILED
        ).order_by("-received_at")[:PAGE]
        return Response(DeliverySerializer(rows, many=True).data)


class DeliveryReplayApi(APIView):
    @extend_schema(request=None, responses=DeliverySerializer, summary="Process a failed delivery again")
    def post(self, request, delivery_id: int):
        _require_admin(request)
        delivery = get_object_or_404(WebhookDelivery, pk=delivery_id, shop_domain=request.auth.shop.domain)
        if delivery.status != DeliveryStatus.FAILED:
            return Response({"detail": "only failed deliveries can be replayed", "code": "not_failed"}, status=409)
        return Response(DeliverySerializer(actions.replay_delivery(delivery)).data)

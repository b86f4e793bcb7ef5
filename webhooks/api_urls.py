from django.urls import path

from .api import DeliveryReplayApi, FailedDeliveryListApi

urlpatterns = [
    path("webhooks/failed", FailedDeliveryListApi.as_view(), name="admin-webhooks-failed"),
    path("webhooks/<int:delivery_id>/replay", DeliveryReplayApi.as_view(), name="admin-webhooks-replay"),
]

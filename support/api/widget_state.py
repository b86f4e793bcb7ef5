"""The shopper's side of a conversation beyond messages: read receipts, the rating, and a fresh
socket token for the widget's websocket (they last ``SOCKET_TOKEN_MAX_AGE``)."""
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from support.actions.ratings import rate_conversation
from support.api.receipts import ReadResultSerializer, ReadSerializer, read_result
from support.api.widget import WidgetApi, widget_conversation
from support.consumers import issue_socket_token, widget_socket_url


class WidgetReadApi(WidgetApi):
    @extend_schema(request=ReadSerializer, responses=ReadResultSerializer, operation_id="widget_conversation_read",
                   summary="The shopper has seen the messages up to an id")
    def post(self, request, conversation_id: int):
        return read_result(widget_conversation(request.user, conversation_id), request, "shopper")


class RatingSerializer(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5)
    comment = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


class RatedSerializer(serializers.Serializer):
    rating = serializers.IntegerField()
    rated_at = serializers.DateTimeField()


class WidgetRatingApi(WidgetApi):
    @extend_schema(request=RatingSerializer, responses={201: RatedSerializer}, operation_id="widget_conversation_rate",
                   summary="Rate the conversation once, 1 to 5, with an optional comment")
    def post(self, request, conversation_id: int):
        conversation = widget_conversation(request.user, conversation_id)
        payload = RatingSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        rated = rate_conversation(conversation, **payload.validated_data)
        return Response({"rating": rated.rating, "rated_at": rated.rated_at}, status=201)


class SocketTokenSerializer(serializers.Serializer):
    socket_token = serializers.CharField()
    socket_url = serializers.CharField()


class WidgetSocketTokenApi(WidgetApi):
    @extend_schema(request=None, responses=SocketTokenSerializer, operation_id="widget_socket_token",
                   summary="A fresh socket token for the conversation's websocket")
    def post(self, request, conversation_id: int):
        conversation = widget_conversation(request.user, conversation_id)
        return Response({"socket_token": issue_socket_token(
            shop_id=conversation.shop_id, conversation_id=conversation.pk, customer_id=conversation.customer_id),
            "socket_url": widget_socket_url()})

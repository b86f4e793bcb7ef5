"""``GET /api/widget/ratings/one-click?t=<token>``: the rating links of a delivery check-in, opened from
the widget or from an email. The signed token is the only credential (no app-proxy signature: an email
link reaches the app directly); the answer is JSON, never HTML. See ``actions/one_click_ratings``."""
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from shopapp.api.exceptions import BadRequest
from support import ratelimits
from support.actions.one_click_ratings import OneClickRefused, rate_by_token
from support.api.widget import TooManyRequests, _ip


class OneClickResultSerializer(serializers.Serializer):
    conversation_id = serializers.CharField()
    rating = serializers.IntegerField()
    recorded = serializers.BooleanField(help_text="false: rated before; the first rating stays and is the one shown")


class WidgetOneClickRatingApi(APIView):
    authentication_classes: list = []
    permission_classes: list = []

    @extend_schema(parameters=[OpenApiParameter("t", str, required=True, description="the link's signed token")],
                   responses={200: OneClickResultSerializer,
                              400: OpenApiResponse(description="invalid_token or token_expired; nothing recorded"),
                              404: OpenApiResponse(description="the conversation is gone")},
                   operation_id="widget_one_click_rating", summary="Rate a conversation from a check-in link")
    def get(self, request):
        if not ratelimits.allow(ratelimits.REQUESTS_PER_IP, _ip(request)):
            raise TooManyRequests("requests_per_ip")
        token = request.query_params.get("t", "")
        if not token or len(token) > 500:
            raise BadRequest("invalid_token")
        try:
            result = rate_by_token(token)
        except OneClickRefused as refusal:
            if refusal.reason == "not_found":
                raise Http404("no such conversation") from None
            raise BadRequest(refusal.reason) from None
        return Response({"conversation_id": str(result.conversation_id), "rating": result.rating,
                         "recorded": result.recorded})

"""``POST /api/admin/conversations/<id>/read``: the agents have seen the messages up to an id."""
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from support.actions.reads import mark_read
from support.selectors.conversations import access_conversation


class ReadSerializer(serializers.Serializer):
    up_to = serializers.RegexField(r"^[0-9]{1,19}$", help_text="the last message id seen")


class ReadResultSerializer(serializers.Serializer):
    read_id = serializers.CharField()


def read_result(conversation, request, side: str) -> Response:
    payload = ReadSerializer(data=request.data)
    payload.is_valid(raise_exception=True)
    read_id = mark_read(conversation, side=side, up_to=int(payload.validated_data["up_to"]))
    return Response({"read_id": str(read_id)})


class ConversationReadApi(APIView):
    @extend_schema(request=ReadSerializer, responses=ReadResultSerializer, operation_id="admin_conversation_read",
                   summary="Mark the conversation read up to a message (read receipts only move forward)")
    def post(self, request, conversation_id: int):
        return read_result(access_conversation(request.user, conversation_id), request, "agent")

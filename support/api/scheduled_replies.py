"""``/api/admin/conversations/<id>/messages/scheduled[/<followup id>]``: an agent's replies scheduled for
later (by default the shopper's next morning), listed, created and cancelled. The reply passes the
promise guardrail when it is scheduled, as one sent at once does (409 with the warnings until
confirmed). See ``actions/followup_kinds/send_later``."""
from django.db import transaction
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from support.actions import promises as promise_actions
from support.actions.followup_kinds import send_later
from support.selectors.conversations import access_conversation
from support.selectors.scheduled_replies import access_scheduled_reply, scheduled_replies


class ScheduleSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000, trim_whitespace=False)
    client_id = serializers.CharField(max_length=64, required=False, default="", allow_blank=True,
                                      help_text="the same client id again returns the first scheduled reply")
    send_at = serializers.DateTimeField(required=False, allow_null=True, default=None,
                                        help_text="when to send; absent: 09:00 on the shopper's clock, next morning")
    confirm_promises = serializers.BooleanField(required=False, default=False)


class ScheduledReplySerializer(serializers.Serializer):
    id = serializers.CharField(source="pk")
    status = serializers.CharField()
    send_at = serializers.DateTimeField(source="due_at")
    body = serializers.CharField(source="data.body")
    client_id = serializers.CharField(source="data.client_id", allow_blank=True)
    agent_id = serializers.CharField(allow_null=True)
    outcome = serializers.CharField(allow_blank=True)


class ScheduledRepliesApi(APIView):
    @extend_schema(responses=ScheduledReplySerializer(many=True), operation_id="admin_scheduled_replies",
                   summary="The conversation's replies waiting to be sent")
    def get(self, request, conversation_id: int):
        conversation = access_conversation(request.user, conversation_id)
        return Response(ScheduledReplySerializer(scheduled_replies(conversation), many=True).data)

    @extend_schema(request=ScheduleSerializer,
                   responses={201: ScheduledReplySerializer, 200: ScheduledReplySerializer,
                              400: OpenApiResponse(description="empty_body, body_too_long, conversation_closed, "
                                                               "send_at_not_in_future, send_at_too_far"),
                              409: OpenApiResponse(description="promises the policy does not allow; not scheduled")},
                   operation_id="admin_scheduled_reply_create", summary="Schedule a reply for later")
    def post(self, request, conversation_id: int):
        conversation = access_conversation(request.user, conversation_id)
        payload = ScheduleSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        try:
            warnings = promise_actions.guard_reply(conversation, body=data["body"], confirmed=data["confirm_promises"])
        except promise_actions.UnconfirmedPromises as refused:
            warned = [{"code": w.code, "phrase": w.phrase} for w in refused.warnings]
            return Response({"detail": "the reply promises what the shop's policy does not allow",
                             "code": refused.reason, "warnings": warned}, status=409)
        with transaction.atomic():
            row, created = send_later.schedule_reply(conversation, agent=request.user, body=data["body"],
                                                     client_id=data["client_id"], send_at=data["send_at"])
            if warnings and created:
                promise_actions.record_promise_decision(conversation, agent=request.user, warnings=warnings,
                                                        decision="sent")
        return Response(ScheduledReplySerializer(row).data, status=201 if created else 200)


class ScheduledReplyDetailApi(APIView):
    @extend_schema(request=None, responses={200: ScheduledReplySerializer,
                                            409: OpenApiResponse(description="not_scheduled: already sent or "
                                                                             "cancelled")},
                   operation_id="admin_scheduled_reply_cancel", summary="Cancel a scheduled reply")
    def delete(self, request, conversation_id: int, followup_id: int):
        conversation = access_conversation(request.user, conversation_id)
        row = access_scheduled_reply(conversation, followup_id)
        try:
            row = send_later.cancel_reply(conversation, row, agent=request.user)
        except send_later.ScheduleRefused as refused:
            return Response({"detail": "this reply is no longer waiting", "code": refused.reason}, status=409)
        return Response(ScheduledReplySerializer(row).data)

"""``/api/admin/conversations...``: the agents' inbox and conversation endpoints. Thin: validate,
call one selector or action, serialize. Every read goes through a shop-scoped selector."""
from contextlib import nullcontext

from django.db import transaction
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from shopapp.api.exceptions import BadRequest
from shopapp.models import Agent
from support.actions import conversations as conversation_actions
from support.actions import messages as message_actions
from support.actions import promises as promise_actions
from support.api.attachments import MessageAttachmentSerializer
from support.api.translation import send_translated
from support.models import Channel, ConversationStatus, Priority
from support.selectors.conversations import InboxFilters, access_conversation, inbox, messages_after
from support.selectors.customers import customer_card


def _conversation_and_input(request, conversation_id, serializer_class):
    """The agent's conversation (404 for another shop's) and the validated request body."""
    conversation = access_conversation(request.user, conversation_id)
    payload = serializer_class(data=request.data)
    payload.is_valid(raise_exception=True)
    return conversation, payload.validated_data


class ConversationSerializer(serializers.Serializer):
    id = serializers.CharField()
    status = serializers.CharField()
    channel = serializers.CharField()
    priority = serializers.CharField()
    language = serializers.CharField()
    assignee_id = serializers.CharField(allow_null=True)
    customer_name = serializers.CharField(source="customer.name")
    customer_email = serializers.CharField(source="customer.email")
    waiting_since = serializers.DateTimeField(allow_null=True)
    first_response_at = serializers.DateTimeField(allow_null=True)
    snoozed_until = serializers.DateTimeField(allow_null=True)
    last_activity_at = serializers.DateTimeField()
    tags = serializers.SerializerMethodField()
    last_message = serializers.SerializerMethodField()
    agent_read_id = serializers.CharField()
    shopper_read_id = serializers.CharField()
    unread = serializers.SerializerMethodField(help_text="a shopper or bot message the agents have not read")
    rating = serializers.IntegerField(allow_null=True)
    response_due_at = serializers.DateTimeField(allow_null=True, help_text="the SLA deadline of the answer due")
    response_target = serializers.CharField(help_text='"first_response", "next_response", or "" when none is due')
    resolution_due_at = serializers.DateTimeField(allow_null=True, help_text="the SLA deadline of the resolution")
    sla_level = serializers.IntegerField(help_text="escalation steps taken since the response fell overdue")

    def get_unread(self, conversation) -> bool:
        last_id = getattr(conversation, "last_message_id", None)
        return bool(last_id and last_id > conversation.agent_read_id and conversation.last_message_kind != "agent")

    def get_tags(self, conversation) -> list[str]:
        return [tag.name for tag in conversation.tags.all()]

    def get_last_message(self, conversation) -> dict | None:
        body = getattr(conversation, "last_message_body", None)
        if body is None:
            return None
        return {"id": str(conversation.last_message_id), "kind": conversation.last_message_kind, "body": body[:200]}


class MessageSerializer(serializers.Serializer):
    id = serializers.CharField()
    kind = serializers.CharField()
    body = serializers.CharField(allow_blank=True)
    agent_id = serializers.CharField(allow_null=True)
    client_id = serializers.CharField()
    created_at = serializers.DateTimeField()
    attachments = MessageAttachmentSerializer(many=True, read_only=True)
    language = serializers.CharField(allow_blank=True, help_text="the language of the text, when known")
    machine_translated = serializers.BooleanField(help_text="a reply sent machine-translated")
    original_body = serializers.CharField(allow_blank=True, help_text="the agent's words before translation")
    translation = serializers.DictField(help_text='a shopper\'s message for the agents: {"language", "text", '
                                                  '"provider"}, or {}')


class InboxQuerySerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ConversationStatus.choices, required=False)
    assignee = serializers.RegexField(r"^(me|unassigned|anyone|\d{1,18})$", required=False)
    channel = serializers.ChoiceField(choices=Channel.choices, required=False)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    tag = serializers.CharField(max_length=64, required=False)
    q = serializers.CharField(max_length=100, required=False)
    waiting = serializers.BooleanField(required=False, allow_null=True, default=None)
    cursor = serializers.CharField(max_length=200, required=False)
    limit = serializers.IntegerField(min_value=1, max_value=100, required=False, default=25)


class ConversationPageSerializer(serializers.Serializer):
    results = ConversationSerializer(many=True)
    next_cursor = serializers.CharField(allow_null=True, help_text="the next page's cursor; null on the last page")


class ConversationListApi(APIView):
    @extend_schema(parameters=[InboxQuerySerializer], responses=ConversationPageSerializer,
                   operation_id="conversations_list", summary="The inbox: filters, search, cursor pagination")
    def get(self, request):
        query = InboxQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = dict(query.validated_data)
        cursor, limit = data.pop("cursor", None), data.pop("limit")
        try:
            rows, next_cursor = inbox(request.user, InboxFilters(**data), cursor=cursor, limit=limit)
        except ValueError:
            raise BadRequest("invalid_cursor", "the cursor is not one this API gave") from None
        return Response({"results": ConversationSerializer(rows, many=True).data, "next_cursor": next_cursor})


class ConversationDetailApi(APIView):
    @extend_schema(responses=ConversationSerializer, summary="One conversation with the customer card")
    def get(self, request, conversation_id: int):
        conversation = access_conversation(request.user, conversation_id)
        return Response({**ConversationSerializer(conversation).data, "customer": customer_card(conversation)})


class MessageCreateSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000, trim_whitespace=False, required=False, allow_blank=True, default="")
    client_id = serializers.CharField(max_length=64, required=False, default="", allow_blank=True)
    internal = serializers.BooleanField(required=False, default=False)
    attachment_ids = serializers.ListField(child=serializers.CharField(max_length=20), max_length=20, required=False,
                                           default=list, help_text="uploads of this conversation to send, at most 5")
    translate = serializers.BooleanField(required=False, default=False,
                                         help_text="send the reply machine-translated into the shopper's language")
    confirm_promises = serializers.BooleanField(
        required=False, default=False,
        help_text="send although the reply promises what the shop's policy does not allow (recorded)")


class ConversationMessagesApi(APIView):
    @extend_schema(parameters=[OpenApiParameter("after", int)], responses=MessageSerializer(many=True),
                   summary="Messages after an id (resync), oldest first")
    def get(self, request, conversation_id: int):
        conversation = access_conversation(request.user, conversation_id)
        after = request.query_params.get("after", "")
        if after and not after.isdigit():
            raise BadRequest("invalid_after", "after must be a message id")
        rows = messages_after(conversation, after_id=int(after or 0), include_notes=True)
        return Response(MessageSerializer(rows, many=True).data)

    @extend_schema(request=MessageCreateSerializer,
                   responses={201: MessageSerializer, 200: MessageSerializer,
                              409: OpenApiResponse(description="the reply promises what the policy does not allow:"
                                                               " warnings listed, nothing sent until confirmed"),
                              502: OpenApiResponse(description="translate: the provider refused; nothing sent"),
                              503: OpenApiResponse(description="translate: quota, rate limit, timeout; nothing sent")},
                   summary="Reply to the shopper, or add an internal note")
    def post(self, request, conversation_id: int):
        conversation, data = _conversation_and_input(request, conversation_id, MessageCreateSerializer)
        if data["internal"]:
            message, created = message_actions.add_internal_note(
                conversation, agent=request.user, body=data["body"], client_id=data["client_id"],
                attachment_ids=data["attachment_ids"])
            return Response(MessageSerializer(message).data, status=201 if created else 200)
        try:  # the guardrail: a promise the policy does not allow is sent only once the agent confirms
            warnings = promise_actions.guard_reply(conversation, body=data["body"], confirmed=data["confirm_promises"])
        except promise_actions.UnconfirmedPromises as refused:
            warned = [{"code": w.code, "phrase": w.phrase} for w in refused.warnings]
            return Response({"detail": "the reply promises what the shop's policy does not allow",
                             "code": refused.reason, "warnings": warned}, status=409)
        with transaction.atomic() if warnings else nullcontext():  # the reply and its recorded decision
            if data["translate"]:
                message, created = send_translated(conversation, request.user, data)  # 502/503 when it cannot
            else:
                message, created = message_actions.send_agent_reply(
                    conversation, agent=request.user, body=data["body"], client_id=data["client_id"],
                    attachment_ids=data["attachment_ids"])
            if warnings and created:
                promise_actions.record_promise_decision(conversation, agent=request.user, warnings=warnings,
                                                        decision="sent", message=message)
        return Response(MessageSerializer(message).data, status=201 if created else 200)


class AssignSerializer(serializers.Serializer):
    assignee_id = serializers.IntegerField(allow_null=True)


def _assignee(request, assignee_id):
    if assignee_id is None:
        return None
    assignee = Agent.objects.filter(shop_id=request.user.shop_id, pk=assignee_id, is_active=True).first()
    if assignee is None:
        raise BadRequest("unknown_assignee", "no such staff member in this shop")
    return assignee


class ConversationAssignApi(APIView):
    @extend_schema(request=AssignSerializer, responses=ConversationSerializer, summary="Assign or unassign")
    def post(self, request, conversation_id: int):
        conversation, data = _conversation_and_input(request, conversation_id, AssignSerializer)
        assignee = _assignee(request, data["assignee_id"])
        updated = conversation_actions.assign(conversation, agent=request.user, assignee=assignee)
        return Response(ConversationSerializer(updated).data)


class StatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=[c for c in ConversationStatus.choices if c[0] != "snoozed"])


class ConversationStatusApi(APIView):
    @extend_schema(request=StatusSerializer, responses=ConversationSerializer, summary="Change the status")
    def post(self, request, conversation_id: int):
        conversation, data = _conversation_and_input(request, conversation_id, StatusSerializer)
        updated = conversation_actions.set_status(conversation, agent=request.user, status=data["status"])
        return Response(ConversationSerializer(updated).data)


class SnoozeSerializer(serializers.Serializer):
    until = serializers.DateTimeField()


class ConversationSnoozeApi(APIView):
    @extend_schema(request=SnoozeSerializer, responses=ConversationSerializer, summary="Snooze until a time")
    def post(self, request, conversation_id: int):
        conversation, data = _conversation_and_input(request, conversation_id, SnoozeSerializer)
        updated = conversation_actions.snooze(conversation, agent=request.user, until=data["until"])
        return Response(ConversationSerializer(updated).data)


class TagsSerializer(serializers.Serializer):
    tags = serializers.ListField(child=serializers.CharField(max_length=64), max_length=20)


class ConversationTagsApi(APIView):
    @extend_schema(request=TagsSerializer, responses=TagsSerializer, summary="Replace the tags")
    def put(self, request, conversation_id: int):
        conversation, data = _conversation_and_input(request, conversation_id, TagsSerializer)
        tags = conversation_actions.set_tags(conversation, agent=request.user, names=data["tags"])
        return Response({"tags": tags})


class BulkSerializer(serializers.Serializer):
    ids = serializers.ListField(child=serializers.IntegerField(min_value=1), min_length=1, max_length=100)
    status = serializers.ChoiceField(choices=["resolved", "closed"], required=False)
    assignee_id = serializers.IntegerField(required=False, allow_null=True)


class BulkResultSerializer(serializers.Serializer):
    changed = serializers.IntegerField()


class ConversationBulkApi(APIView):
    @extend_schema(request=BulkSerializer,
                   responses={200: BulkResultSerializer,
                              404: OpenApiResponse(description="an id is not one of this shop's conversations; "
                                                               "nothing changed")},
                   summary="Close or assign many conversations")
    def post(self, request):
        payload = BulkSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        if "status" not in data and "assignee_id" not in data:
            raise BadRequest("nothing_to_do", "give a status or an assignee")
        ids = sorted(set(data["ids"]))
        with transaction.atomic():
            found = [access_conversation(request.user, pk) for pk in ids]  # any other shop's id: 404, nothing done
            changed = conversation_actions.bulk_update(
                found, agent=request.user, status=data.get("status"),
                assignee=_assignee(request, data.get("assignee_id")), assign="assignee_id" in data,
            )
        return Response({"changed": changed})

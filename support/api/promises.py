"""``/api/admin/conversations/<id>/messages/check`` and ``.../promise-decisions``: the guardrail on an
agent's reply. The admin checks a draft before sending; when it warned, it records what the agent
decided (sent anyway, edited, cancelled). Another shop's conversation or message is a 404."""
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from support.actions.promises import DECISIONS, record_promise_decision
from support.models import Message
from support.rules.promises import CODES, PromiseWarning, check_promises
from support.selectors.conversations import access_conversation
from support.selectors.promises import promise_policy


class DraftSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000, trim_whitespace=False, allow_blank=True)


class WarningSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=CODES)
    phrase = serializers.CharField(max_length=200)


class WarningsSerializer(serializers.Serializer):
    warnings = WarningSerializer(many=True)


class DecisionSerializer(serializers.Serializer):
    warnings = WarningSerializer(many=True, allow_empty=False, help_text="as the check returned them")
    decision = serializers.ChoiceField(choices=DECISIONS)
    message_id = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None,
                                          help_text="the reply sent, when the decision is sent")


class DecisionRecordedSerializer(serializers.Serializer):
    id = serializers.CharField()
    codes = serializers.ListField(child=serializers.CharField())
    decision = serializers.CharField()


class MessageCheckApi(APIView):
    @extend_schema(request=DraftSerializer, responses={200: WarningsSerializer,
                                                       404: OpenApiResponse(description="not in this shop")},
                   summary="Promises in a draft reply that the shop's policy does not allow", tags=["promises"])
    def post(self, request, conversation_id: int):
        access_conversation(request.user, conversation_id)  # another shop's: 404
        payload = DraftSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        warnings = check_promises(payload.validated_data["body"], promise_policy(request.auth.shop))
        return Response({"warnings": [{"code": w.code, "phrase": w.phrase} for w in warnings]})


class PromiseDecisionApi(APIView):
    @extend_schema(request=DecisionSerializer, responses={201: DecisionRecordedSerializer,
                                                          404: OpenApiResponse(description="not in this shop")},
                   summary="Record what the agent did after a promise warning", tags=["promises"])
    def post(self, request, conversation_id: int):
        conversation = access_conversation(request.user, conversation_id)
        payload = DecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        message = None
        if data["message_id"] is not None:
            message = Message.objects.filter(conversation=conversation, pk=data["message_id"]).first()
            if message is None:
                raise Http404("no such message")
        event = record_promise_decision(
            conversation, agent=request.user, decision=data["decision"], message=message,
            warnings=[PromiseWarning(w["code"], w["phrase"]) for w in data["warnings"]],
        )
        return Response({"id": str(event.pk), "codes": event.data["codes"], "decision": event.data["decision"]},
                        status=201)

"""``/api/admin/credit/...`` and ``/api/admin/conversations/<id>/credit``: the store-credit policy
(every agent reads it, owners and admins change it), what a conversation may be offered (GET, see
``selectors.credit_allowance``), a request from a conversation (POST), the grants
(pending approvals first) with their ledger, and a supervisor's approval or rejection.

A refusal is a 400 with its reason code (``support.rules.credit_policy``, ``support.actions.credit``),
a role's refusal a 403, another shop's id a 404; none of them writes anything. A retried request
(same ``client_id``) answers 200 with the grant the first one made."""
import logging

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from shopapp.models import Role
from support.actions import credit as actions
from support.models import CreditInstrument, GrantState, Order
from support.rules import credit_policy as rules
from support.selectors import credit as selectors
from support.selectors.conversations import access_conversation
from support.selectors.credit_allowance import conversation_credit

logger = logging.getLogger(__name__)

REFUSALS = {400: OpenApiResponse(description="refused: the code says why, nothing written"),
            403: OpenApiResponse(description="the agent's role may not do this"),
            404: OpenApiResponse(description="not in this shop")}


def forbidden(error: actions.CreditForbidden) -> PermissionDenied:
    return PermissionDenied(detail=f"refused: {error.reason}", code=error.reason)


class AdminToWrite(BasePermission):
    """Reads for every agent; changes of the policy for admins and owners (one log line per refusal)."""

    message = "only the shop's owner and admins can change the store-credit policy"

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS or request.user.has_role(actions.POLICY_EDITOR):
            return True
        logger.info("credit.policy.refused", extra={"reason": "role_may_not_edit_policy", "agent_id": request.user.pk})
        raise PermissionDenied(detail=self.message, code="role_may_not_edit_policy")


# --- serializers ----------------------------------------------------------------------------------

class CreditPolicyWriteSerializer(serializers.Serializer):
    """For the schema: the body is checked by ``rules.validate_policy`` (every field optional)."""

    max_order_share = serializers.DecimalField(max_digits=5, decimal_places=4, required=False,
                                               help_text="0 < share <= 1, all grants on an order together")
    max_per_grant = serializers.DecimalField(max_digits=12, decimal_places=2, required=False, allow_null=True,
                                             help_text="in the shop's currency; null: no limit")
    max_per_customer_30d = serializers.DecimalField(max_digits=12, decimal_places=2, required=False,
                                                    allow_null=True, help_text="in the shop's currency; null: none")
    auto_approve_below = serializers.DecimalField(max_digits=12, decimal_places=2, required=False,
                                                  help_text="in the shop's currency: below it no approval")
    reasons = serializers.ListField(child=serializers.ChoiceField(choices=rules.REASONS), required=False)
    expiry_days = serializers.IntegerField(min_value=1, max_value=rules.MAX_EXPIRY_DAYS, required=False,
                                           allow_null=True, help_text="null: the credit never expires")
    request_role = serializers.ChoiceField(choices=Role.choices, required=False)
    approve_role = serializers.ChoiceField(choices=Role.choices, required=False)
    instrument = serializers.ChoiceField(choices=CreditInstrument.choices, required=False)
    offer_late_orders = serializers.BooleanField(required=False)
    feedback_first = serializers.BooleanField(required=False)


class CreditPolicySerializer(CreditPolicyWriteSerializer):
    currency = serializers.CharField(help_text="the shop's currency, of the money caps")


class GrantPersonSerializer(serializers.Serializer):
    id = serializers.CharField(source="pk")
    name = serializers.CharField()


class GrantOrderSerializer(serializers.Serializer):
    id = serializers.CharField(source="shopify_id", help_text="the Shopify order id")
    name = serializers.CharField()


class GrantSerializer(serializers.Serializer):
    id = serializers.CharField(source="pk")
    state = serializers.ChoiceField(choices=GrantState.choices)
    amount = serializers.DecimalField(max_digits=12, decimal_places=2)
    currency = serializers.CharField()
    reason = serializers.CharField()
    note = serializers.CharField(allow_blank=True)
    instrument = serializers.CharField()
    order = GrantOrderSerializer()
    customer = GrantPersonSerializer()
    conversation_id = serializers.CharField(allow_null=True)
    requested_by = GrantPersonSerializer(allow_null=True, help_text="null: the app offered it")
    decided_by = GrantPersonSerializer(allow_null=True)
    decision_note = serializers.CharField(allow_blank=True)
    expires_at = serializers.DateTimeField(allow_null=True)
    shopify_transaction_id = serializers.CharField(allow_blank=True)
    error_code = serializers.CharField(allow_blank=True)
    error_message = serializers.CharField(allow_blank=True)
    requested_at = serializers.DateTimeField()
    decided_at = serializers.DateTimeField(allow_null=True)
    issued_at = serializers.DateTimeField(allow_null=True)


class CreditLedgerEntrySerializer(serializers.Serializer):
    kind = serializers.CharField()
    actor = serializers.CharField()
    agent = GrantPersonSerializer(allow_null=True)
    data = serializers.JSONField()
    created_at = serializers.DateTimeField()


class GrantDetailSerializer(GrantSerializer):
    ledger = CreditLedgerEntrySerializer(many=True)


class CreditRequestSerializer(serializers.Serializer):
    order_id = serializers.RegexField(r"^\d{1,19}$", help_text="the Shopify order id, of the conversation's customer")
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, help_text="in the order's currency")
    currency = serializers.CharField(min_length=3, max_length=3, required=False,
                                     help_text="the order's currency (the default); another one is refused")
    reason = serializers.CharField(max_length=32)
    note = serializers.CharField(max_length=actions.MAX_NOTE, required=False, default="", allow_blank=True)
    client_id = serializers.CharField(max_length=64, help_text="the same for a retried click: one grant")
    feedback_first = serializers.BooleanField(required=False, default=False,
                                              help_text="issue when the shopper rates the conversation")


class CreditAllowanceQuerySerializer(serializers.Serializer):
    order_id = serializers.RegexField(r"^\d{1,19}$", required=False,
                                      help_text="the Shopify order id, of the conversation's customer; default: "
                                                "their newest order that is not cancelled")


class AllowanceLimitsSerializer(serializers.Serializer):
    order_share_left = serializers.DecimalField(max_digits=12, decimal_places=2,
                                                help_text="the order's share less its counted grants")
    per_grant = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True,
                                         help_text="the per-grant cap in the order's currency; null: none")
    customer_30d_left = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True,
                                                 help_text="the customer's 30-day cap less their grants; null: none")


class CreditAllowanceSerializer(serializers.Serializer):
    order_id = serializers.CharField(help_text="the Shopify order id")
    order_name = serializers.CharField()
    currency = serializers.CharField(help_text="the credit's currency (the order's): every amount here is in it")
    order_total = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    granted_on_order = serializers.DecimalField(max_digits=12, decimal_places=2)
    max_amount = serializers.DecimalField(max_digits=12, decimal_places=2,
                                          help_text="the most one request is granted now; 0 with a refusal")
    auto_approve_up_to = serializers.DecimalField(
        max_digits=12, decimal_places=2, allow_null=True,
        help_text="up to this a request is approved at once, above it waits for a supervisor; null: always waits")
    limits = AllowanceLimitsSerializer()
    reasons = serializers.ListField(child=serializers.ChoiceField(choices=rules.REASONS))
    expiry_days = serializers.IntegerField(allow_null=True, help_text="days from approval; null: never expires")
    feedback_first = serializers.BooleanField()
    may_request = serializers.BooleanField()
    refusal = serializers.CharField(allow_null=True, help_text="why nothing may be requested now (a request's code)")


class CreditOrderChoiceSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="the Shopify order id")
    name = serializers.CharField()
    created_at = serializers.DateTimeField(allow_null=True)


class ConversationCreditSerializer(serializers.Serializer):
    policy = CreditPolicySerializer()
    orders = CreditOrderChoiceSerializer(many=True, help_text="the customer's newest orders that are not cancelled")
    allowance = CreditAllowanceSerializer(allow_null=True, help_text="null: the customer has no order")
    may_approve = serializers.BooleanField(help_text="the agent may approve or reject grants")
    grants = GrantSerializer(many=True, help_text="the conversation's grants, waiting for approval first")


class GrantQuerySerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=GrantState.choices, required=False)
    conversation = serializers.IntegerField(min_value=1, required=False)
    customer = serializers.IntegerField(min_value=1, required=False)


class GrantDecisionSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=actions.MAX_NOTE, required=False, default="", allow_blank=True,
                                 help_text="why; required to reject")


# --- endpoints ------------------------------------------------------------------------------------

class CreditPolicyApi(APIView):
    permission_classes = [IsAuthenticated, AdminToWrite]

    @extend_schema(responses=CreditPolicySerializer, operation_id="admin_credit_policy", tags=["credit"],
                   summary="The shop's store-credit policy (the defaults when never set)")
    def get(self, request):
        return Response(selectors.policy_settings(request.auth.shop))

    @extend_schema(request=CreditPolicyWriteSerializer, responses={200: CreditPolicySerializer, **REFUSALS},
                   operation_id="admin_credit_policy_update", tags=["credit"],
                   summary="Change the policy (fields left out keep their value); 400 names each field at fault")
    def put(self, request):
        shop = request.auth.shop
        try:
            actions.update_policy(shop, agent=request.user, data=request.data)
        except rules.PolicyInvalid as error:
            return Response({"detail": "invalid policy", "code": error.reason, "fields": error.fields}, status=400)
        except actions.CreditForbidden as error:
            raise forbidden(error) from None
        return Response(selectors.policy_settings(shop))


class ConversationCreditApi(APIView):
    @extend_schema(parameters=[CreditAllowanceQuerySerializer],
                   responses={200: ConversationCreditSerializer, 404: REFUSALS[404]},
                   operation_id="admin_conversation_credit_allowance", tags=["credit"],
                   summary="What store credit may be requested in the conversation now, and its grants")
    def get(self, request, conversation_id: int):
        conversation = access_conversation(request.user, conversation_id)
        query = CreditAllowanceQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        order_id = query.validated_data.get("order_id")
        panel = conversation_credit(request.auth.shop, request.user, conversation,
                                    order_id=int(order_id) if order_id else None)
        return Response({**panel, "grants": GrantSerializer(panel["grants"], many=True).data})

    @extend_schema(request=CreditRequestSerializer, responses={201: GrantSerializer, 200: GrantSerializer, **REFUSALS},
                   operation_id="admin_conversation_credit", tags=["credit"],
                   summary="Request store credit for the conversation's customer on one of their orders")
    def post(self, request, conversation_id: int):
        conversation = access_conversation(request.user, conversation_id)
        payload = CreditRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        order = Order.objects.filter(shop_id=conversation.shop_id, shopify_id=int(data["order_id"])).first()
        if order is None:
            raise Http404("no such order")
        try:
            grant, created = actions.request_credit(
                shop=request.auth.shop, order=order, customer=conversation.customer, conversation=conversation,
                amount=data["amount"], currency=data.get("currency"), reason=data["reason"], note=data["note"],
                requester=request.user, request_key=f"agent:{data['client_id']}",
                feedback_first=data["feedback_first"],
            )
        except actions.CreditForbidden as error:
            raise forbidden(error) from None
        return Response(GrantSerializer(grant).data, status=201 if created else 200)


class GrantPageSerializer(serializers.Serializer):
    results = GrantSerializer(many=True)


class GrantListApi(APIView):
    @extend_schema(parameters=[GrantQuerySerializer], responses=GrantPageSerializer, tags=["credit"],
                   operation_id="admin_credit_grants",
                   summary="The shop's grants: waiting for approval first (oldest first), then newest first")
    def get(self, request):
        query = GrantQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        grants = selectors.grant_list(request.user, state=data.get("state"),
                                      conversation_id=data.get("conversation"), customer_id=data.get("customer"))
        return Response({"results": GrantSerializer(grants, many=True).data})


class GrantDetailApi(APIView):
    @extend_schema(responses={200: GrantDetailSerializer, 404: REFUSALS[404]}, tags=["credit"],
                   operation_id="admin_credit_grant", summary="One grant and its ledger")
    def get(self, request, grant_id: int):
        grant = selectors.access_grant(request.user, grant_id)
        ledger = CreditLedgerEntrySerializer(selectors.grant_ledger(grant), many=True).data
        return Response({**GrantSerializer(grant).data, "ledger": ledger})


class GrantApproveApi(APIView):
    @extend_schema(request=GrantDecisionSerializer, responses={200: GrantSerializer, **REFUSALS}, tags=["credit"],
                   operation_id="admin_credit_grant_approve",
                   summary="Approve a grant waiting for a supervisor (the policy is checked again)")
    def post(self, request, grant_id: int):
        return self.decide(request, grant_id, actions.approve_grant)

    @staticmethod
    def decide(request, grant_id, action):
        payload = GrantDecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            grant = action(grant_id, agent=request.user, note=payload.validated_data["note"])
        except actions.CreditForbidden as error:
            raise forbidden(error) from None
        return Response(GrantSerializer(grant).data)


class GrantRejectApi(APIView):
    @extend_schema(request=GrantDecisionSerializer, responses={200: GrantSerializer, **REFUSALS}, tags=["credit"],
                   operation_id="admin_credit_grant_reject",
                   summary="Reject a grant waiting for a supervisor or for feedback (a note is required)")
    def post(self, request, grant_id: int):
        return GrantApproveApi.decide(request, grant_id, actions.reject_grant)

"""``/api/widget/...``: the storefront chat widget, reached through Shopify's app proxy.

Identity: the app-proxy signature (verified by shopifyapp) gives the shop and, for a logged-in
shopper, ``logged_in_customer_id``; an anonymous visitor is named by a signed visitor token in
``X-Visitor-Token``. Nothing unsigned is trusted. Abuse limits answer 429 and store nothing."""
import logging
from dataclasses import dataclass

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.authentication import BaseAuthentication
from rest_framework.response import Response
from rest_framework.views import APIView

from shopapp.api.exceptions import BadRequest
from shopapp.models import Shop
from shopapp.shopify.app import shopify_app, to_shopify_request
from support import presence, ratelimits, visitors
from support.actions import messages as message_actions
from support.actions.conversations import start_or_resume
from support.actions.shoppers import shopper_for
from support.api.attachments import MessageAttachmentSerializer
from support.consumers import issue_socket_token, widget_socket_url
from support.models import Conversation, Customer
from support.rules.hours import is_time_zone
from support.selectors.conversations import messages_after

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WidgetIdentity:
    shop: Shop
    shopify_customer_id: int | None
    visitor: visitors.Visitor | None

    is_authenticated = True


class TooManyRequests(exceptions.Throttled):
    def __init__(self, reason):
        super().__init__(detail=f"too many requests: {reason}", code=reason)


class AppProxyAuthentication(BaseAuthentication):
    def authenticate(self, request):
        result = shopify_app().verify_app_proxy_req(to_shopify_request(request._request, include_body=False))
        if not result.ok:
            logger.info("widget.refused", extra={"reason": result.log.code})
            raise exceptions.AuthenticationFailed(f"invalid app proxy request: {result.log.code}", code=result.log.code)
        try:  # the domain is unique: no ordering to compile
            shop = Shop.objects.get(domain=f"{result.shop}.myshopify.com", is_active=True)
        except Shop.DoesNotExist:
            raise exceptions.AuthenticationFailed("this shop does not use the app", code="shop_not_installed") from None
        if not ratelimits.allow(ratelimits.REQUESTS_PER_IP, _ip(request)):
            raise TooManyRequests("requests_per_ip")
        customer_id = int(result.logged_in_customer_id) if result.logged_in_customer_id else None
        visitor = visitors.read(shop.pk, request.headers.get("X-Visitor-Token", ""))
        return WidgetIdentity(shop=shop, shopify_customer_id=customer_id, visitor=visitor), None

    def authenticate_header(self, request):
        return "AppProxy"


def _ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def _customer(identity: WidgetIdentity) -> Customer | None:
    if identity.shopify_customer_id is not None:
        return Customer.objects.filter(shop=identity.shop, shopify_id=identity.shopify_customer_id).first()
    if identity.visitor is not None:
        return Customer.objects.filter(shop=identity.shop, visitor_id=identity.visitor.visitor_id).first()
    return None


def widget_conversation(identity: WidgetIdentity, conversation_id, only: tuple[str, ...] = ()) -> Conversation:
    """The shopper's own conversation; anything else (another shopper's, another shop's) is a 404.
    One query: the conversation of this shop whose customer is the one the signature names. ``only``:
    the columns to read when the caller needs no others (any other field read later costs a query)."""
    if identity.shopify_customer_id is not None:
        mine = {"customer__shopify_id": identity.shopify_customer_id}
    elif identity.visitor is not None:
        mine = {"customer__visitor_id": identity.visitor.visitor_id}
    else:
        raise Http404("no such conversation")
    conversations = Conversation.objects.only(*only) if only else Conversation.objects
    try:
        return conversations.get(pk=conversation_id, shop=identity.shop, **mine)
    except Conversation.DoesNotExist:
        raise Http404("no such conversation") from None


class WidgetMessageAttachmentSerializer(MessageAttachmentSerializer):
    url_name = "widget-attachment"


class WidgetMessageSerializer(serializers.Serializer):
    id = serializers.CharField()
    kind = serializers.CharField()
    body = serializers.CharField(allow_blank=True)
    client_id = serializers.CharField()
    created_at = serializers.DateTimeField()
    attachments = WidgetMessageAttachmentSerializer(many=True, read_only=True)
    machine_translated = serializers.BooleanField(help_text="the shop's reply, machine-translated")


class StartSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    locale = serializers.RegexField(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$", required=False, default="")
    time_zone = serializers.CharField(max_length=64, required=False, allow_blank=True, default="",
                                      help_text="the browser's IANA zone (quiet hours of automatic messages)")

    def validate_time_zone(self, value):
        if value and not is_time_zone(value):
            raise serializers.ValidationError("not an IANA time zone", code="invalid_time_zone")
        return value


class WidgetApi(APIView):
    authentication_classes = [AppProxyAuthentication]
    permission_classes: list = []


class StartedSerializer(serializers.Serializer):
    conversation = serializers.DictField()
    visitor_token = serializers.CharField(allow_null=True)
    socket_token = serializers.CharField()
    socket_url = serializers.CharField(help_text="the websocket to open with ?token=<socket_token>")
    messages = WidgetMessageSerializer(many=True)
    agents_online = serializers.BooleanField(help_text="false: the widget asks for an email, replies go out by email")


class WidgetConversationStartApi(WidgetApi):
    @extend_schema(request=StartSerializer, operation_id="widget_conversation_start",
                   responses={201: StartedSerializer,
                              200: OpenApiResponse(StartedSerializer, description="the shopper's open chat, resumed")},
                   summary="Start or resume the shopper's chat")
    def post(self, request):
        identity: WidgetIdentity = request.user
        payload = StartSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        if _customer(identity) is None and not ratelimits.allow(ratelimits.NEW_CONVERSATIONS_PER_IP, _ip(request)):
            raise TooManyRequests("new_conversations_per_ip")
        visitor_id = identity.visitor.visitor_id if identity.visitor else visitors.new_visitor_id()
        customer = shopper_for(
            identity.shop, shopify_customer_id=identity.shopify_customer_id,
            visitor_id=None if identity.shopify_customer_id else visitor_id, **payload.validated_data,
        )
        conversation, created = start_or_resume(customer, language=payload.validated_data["locale"])
        token = None  # (shopper_for keeps the browser's zone: the shopper's quiet hours follow their clock)
        if identity.shopify_customer_id is None and (identity.visitor is None or identity.visitor.needs_rotation):
            token = visitors.issue(identity.shop.pk, visitor_id)
        messages = messages_after(conversation, after_id=None, include_notes=False)
        return Response({
            "conversation": {"id": str(conversation.pk), "status": conversation.status},
            "visitor_token": token,
            "socket_token": issue_socket_token(shop_id=identity.shop.pk, conversation_id=conversation.pk,
                                               customer_id=customer.pk),
            "socket_url": widget_socket_url(),
            "messages": WidgetMessageSerializer(messages, many=True).data,
            "agents_online": bool(presence.agents_online(identity.shop.pk)),
        }, status=201 if created else 200)


class WidgetMessageCreateSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000, trim_whitespace=False, required=False, allow_blank=True, default="")
    client_id = serializers.CharField(max_length=64)
    attachment_ids = serializers.ListField(child=serializers.CharField(max_length=20), max_length=20, required=False,
                                           default=list, help_text="uploads of this conversation to send, at most 5")


class WidgetMessagesApi(WidgetApi):
    @extend_schema(parameters=[OpenApiParameter("after", int)], responses=WidgetMessageSerializer(many=True),
                   operation_id="widget_messages_list",
                   summary="Messages after an id (resync); internal notes never appear")
    def get(self, request, conversation_id: int):
        conversation = widget_conversation(request.user, conversation_id)
        after = request.query_params.get("after", "")
        if after and not after.isdigit():
            raise BadRequest("invalid_after", "after must be a message id")
        rows = messages_after(conversation, after_id=int(after or 0), include_notes=False)
        return Response(WidgetMessageSerializer(rows, many=True).data)

    @extend_schema(request=WidgetMessageCreateSerializer,
                   responses={201: WidgetMessageSerializer,
                              200: OpenApiResponse(WidgetMessageSerializer,
                                                   description="the same client_id again: the first message")},
                   operation_id="widget_message_create", summary="Send a message (idempotent on client_id)")
    def post(self, request, conversation_id: int):
        # The send reads the conversation again under its lock: here only who owns it, and its channel.
        conversation = widget_conversation(request.user, conversation_id, only=("id", "shop_id", "channel"))
        payload = WidgetMessageCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        if not ratelimits.allow(ratelimits.MESSAGES_PER_CONVERSATION, str(conversation.pk)):
            raise TooManyRequests("messages_per_conversation")
        message, created = message_actions.receive_customer_message(
            conversation, body=payload.validated_data["body"], client_id=payload.validated_data["client_id"],
            attachment_ids=payload.validated_data["attachment_ids"],
        )
        return Response(WidgetMessageSerializer(message).data, status=201 if created else 200)

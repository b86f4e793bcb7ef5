"""``POST /api/widget/orders/lookup``: "where is my order" in the widget.

A logged-in shopper (the app proxy's ``logged_in_customer_id``) gets their own most recent order,
or the one they name; anyone else names the order and gives its email or postcode. An order that
is not theirs, a wrong pair and an order that does not exist all answer ``{"found": false}``,
byte for byte; too many anonymous tries answer 429 before anything is looked up."""
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from shopapp.api.exceptions import BadRequest
from support.actions.order_lookup import LIMITED, find_order_for_shopper
from support.api.widget import TooManyRequests, WidgetApi, WidgetIdentity, _ip
from support.selectors.wismo import wismo_answer


class OrderLookupSerializer(serializers.Serializer):
    order_name = serializers.CharField(max_length=64, required=False, allow_blank=True, default="",
                                       help_text='"#1001", "1001" or the shop\'s own name; optional when logged in')
    email = serializers.CharField(max_length=254, required=False, allow_blank=True, default="")
    postcode = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")
    locale = serializers.RegexField(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$", required=False, default="",
                                    help_text="the answer's language; the order's own locale when absent")


class OrderLookupResultSerializer(serializers.Serializer):
    found = serializers.BooleanField()
    order = serializers.DictField(required=False, help_text="state, status words, parcels (carrier, tracking "
                                                            "number and link, window), late flag, the text")


class WidgetOrderLookupApi(WidgetApi):
    @extend_schema(request=OrderLookupSerializer, responses={200: OrderLookupResultSerializer},
                   operation_id="widget_order_lookup", summary="Where is my order: the shopper's order status")
    def post(self, request):
        identity: WidgetIdentity = request.user
        payload = OrderLookupSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        if identity.shopify_customer_id is None:
            if not data["order_name"].strip():
                raise BadRequest("order_name_required", "give the order's name, e.g. #1001")
            if not (data["email"].strip() or data["postcode"].strip()):
                raise BadRequest("contact_required", "give the email or the postcode on the order")
        order = find_order_for_shopper(
            identity.shop, customer_shopify_id=identity.shopify_customer_id, order_name=data["order_name"],
            email=data["email"], postcode=data["postcode"], client_key=f"ip:{_ip(request)}",
        )
        if order is LIMITED:
            raise TooManyRequests("order_lookups")
        if order is None:
            return Response({"found": False})
        return Response({"found": True, "order": wismo_answer(order, language=data["locale"] or None).data})


"""``GET /api/admin/me``: who the session token belongs to, and the shop."""
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView


class ShopSerializer(serializers.Serializer):
    domain = serializers.CharField()
    name = serializers.CharField()
    currency = serializers.CharField()
    timezone = serializers.CharField()


class AgentSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    email = serializers.CharField()
    role = serializers.CharField()


class MeSerializer(serializers.Serializer):
    shop = ShopSerializer()
    agent = AgentSerializer()


class MeApi(APIView):
    @extend_schema(responses=MeSerializer, summary="The signed-in staff member and their shop")
    def get(self, request):
        return Response(MeSerializer({"shop": request.auth.shop, "agent": request.user}).data)

"""``GET /api/admin/presence``: the shop's agents who have the admin open (online or away)."""
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from support.presence import agents_online


class AgentPresenceSerializer(serializers.Serializer):
    id = serializers.CharField()
    status = serializers.ChoiceField(choices=["online", "away"])


class PresenceSerializer(serializers.Serializer):
    agents = AgentPresenceSerializer(many=True)


class PresenceApi(APIView):
    @extend_schema(responses=PresenceSerializer, operation_id="admin_presence",
                   summary="Agents online or away (from their open admin sockets)")
    def get(self, request):
        online = agents_online(request.user.shop_id)
        return Response({"agents": [{"id": str(agent_id), "status": status} for agent_id, status in online.items()]})

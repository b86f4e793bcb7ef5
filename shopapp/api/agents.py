"""``GET /api/admin/agents``: the shop's active staff, for assigning conversations, with who has the
admin open right now."""
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from shopapp.models import Agent
from support.presence import agents_online


class ColleagueSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    role = serializers.CharField()
    presence = serializers.ChoiceField(choices=["online", "away", "offline"])


class AgentListApi(APIView):
    @extend_schema(responses=ColleagueSerializer(many=True), operation_id="admin_agents",
                   summary="The shop's active staff (assignees), online ones first")
    def get(self, request):
        shop_id = request.user.shop_id
        online = agents_online(shop_id)
        rows = Agent.objects.filter(shop_id=shop_id, is_active=True).only("pk", "name", "role").order_by("name", "pk")
        colleagues = [{"id": str(a.pk), "name": a.name, "role": a.role, "presence": online.get(a.pk, "offline")}
                      for a in rows]
        rank = {"online": 0, "away": 1, "offline": 2}
        colleagues.sort(key=lambda c: rank[c["presence"]])  # stable: by name within each group
        return Response(ColleagueSerializer(colleagues, many=True).data)

"""``/api/admin/templates...`` and ``/api/admin/conversations/<id>/templates/<tid>/...``: the
merchant's templates (macros). Every agent reads, previews and sends; owners and admins write. A
template that needs approval is sent by a supervisor or above. Every id of another shop is a 404."""
import logging
from dataclasses import asdict

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from shopapp.api.permissions import AdminToWrite
from support.actions import templates as template_actions
from support.api.conversations import MessageSerializer
from support.rules import templates as rules
from support.rules.texts import LANGUAGES
from support.selectors.conversations import access_conversation
from support.selectors.templates import access_template, offers, prepare, search_templates

logger = logging.getLogger(__name__)

MAX_VALUES = 20


class CanEditTemplates(AdminToWrite):
    message = "only the shop's owner and admins can change templates"
    log_key = "templates.write.refused"


class TemplateSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    category = serializers.CharField(allow_blank=True)
    needs_approval = serializers.BooleanField()
    variants = serializers.SerializerMethodField()
    variables = serializers.SerializerMethodField(help_text="variables the bodies use")
    created_by_id = serializers.CharField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def get_variants(self, template) -> dict[str, str]:
        return {variant.language: variant.body for variant in template.variants.all()}

    def get_variables(self, template) -> list[str]:
        names = set()
        for variant in template.variants.all():
            try:
                names.update(rules.parse(variant.body))
            except rules.TemplateError:
                continue
        return sorted(names)


class OfferedTemplateSerializer(TemplateSerializer):
    """A template as listed; the fields below only when the list is asked for a conversation."""

    language = serializers.CharField(allow_null=True, required=False,
                                     help_text="the variant this conversation would get")
    offered = serializers.BooleanField(required=False,
                                       help_text="usable here: every value is known or can be typed by the agent")
    missing = serializers.ListField(child=serializers.CharField(), required=False,
                                    help_text="the agent must fill these")
    unavailable = serializers.ListField(child=serializers.CharField(), required=False,
                                        help_text="nobody can fill these here")
    can_send = serializers.BooleanField(required=False,
                                        help_text="false when it needs approval and the agent is below supervisor")


class TemplatePageSerializer(serializers.Serializer):
    results = OfferedTemplateSerializer(many=True)


class TemplateQuerySerializer(serializers.Serializer):
    q = serializers.CharField(max_length=100, required=False, default="")
    category = serializers.CharField(max_length=64, required=False, default="")
    language = serializers.ChoiceField(choices=LANGUAGES, required=False, default="")
    conversation = serializers.IntegerField(min_value=1, required=False)


class TemplateWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    category = serializers.CharField(max_length=64, required=False, default="", allow_blank=True)
    needs_approval = serializers.BooleanField(required=False, default=False)
    variants = serializers.DictField(
        child=serializers.CharField(max_length=5000, allow_blank=True), allow_empty=False,
        help_text='one body per language: {"en": "Hi {{customer.first_name}}"}',
    )


class VariableSerializer(serializers.Serializer):
    name = serializers.CharField()
    type = serializers.CharField()
    agent_supplied = serializers.BooleanField()
    description = serializers.CharField()


def template_error(error: rules.TemplateError) -> Response:
    """400 naming the variables a body or the supplied values got wrong (for the editor)."""
    return Response({"detail": str(error), "code": error.reason, "variables": error.names}, status=400)


REFUSALS = {400: OpenApiResponse(description="bad input (code says why)"),
            403: OpenApiResponse(description="not an admin"), 404: OpenApiResponse(description="not in this shop")}


class TemplateVariablesApi(APIView):
    @extend_schema(responses=VariableSerializer(many=True), summary="The variables a template may use",
                   tags=["templates"])
    def get(self, request):
        return Response(VariableSerializer(rules.VARIABLES.values(), many=True).data)


class TemplateListApi(APIView):
    permission_classes = [IsAuthenticated, CanEditTemplates]

    @extend_schema(parameters=[TemplateQuerySerializer], operation_id="templates_list",
                   responses={200: TemplatePageSerializer,
                              404: OpenApiResponse(description="the conversation is not one of this shop's")},
                   summary="Search the templates; with a conversation, say which can be used there", tags=["templates"])
    def get(self, request):
        query = TemplateQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        conversation = access_conversation(request.user, data["conversation"]) if "conversation" in data else None
        found = search_templates(request.user, q=data["q"], category=data["category"], language=data["language"])
        if conversation is None:
            return Response({"results": TemplateSerializer(found, many=True).data})
        offered = offers(conversation, request.user, found, data["language"])
        may_approve = request.user.has_role(template_actions.SENDER_OF_APPROVED)
        rows = [{**TemplateSerializer(template).data, **asdict(offered[template.pk]),
                 "can_send": may_approve or not template.needs_approval} for template in found]
        return Response({"results": rows})

    @extend_schema(request=TemplateWriteSerializer, responses={201: TemplateSerializer, **REFUSALS},
                   summary="Create a template", tags=["templates"])
    def post(self, request):
        payload = TemplateWriteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            template = template_actions.create_template(agent=request.user, **payload.validated_data)
        except rules.TemplateError as error:
            return template_error(error)
        return Response(TemplateSerializer(template).data, status=201)


class TemplateDetailApi(APIView):
    permission_classes = [IsAuthenticated, CanEditTemplates]

    @extend_schema(responses={200: TemplateSerializer, **REFUSALS}, summary="One template", tags=["templates"])
    def get(self, request, template_id: int):
        return Response(TemplateSerializer(access_template(request.user, template_id)).data)

    @extend_schema(request=TemplateWriteSerializer, responses={200: TemplateSerializer, **REFUSALS},
                   summary="Replace a template (a language left out is removed)", tags=["templates"])
    def put(self, request, template_id: int):
        template = access_template(request.user, template_id)
        payload = TemplateWriteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            template = template_actions.update_template(template, agent=request.user, **payload.validated_data)
        except rules.TemplateError as error:
            return template_error(error)
        return Response(TemplateSerializer(template).data)

    @extend_schema(responses={204: None, **REFUSALS}, summary="Delete a template", tags=["templates"])
    def delete(self, request, template_id: int):
        template_actions.delete_template(access_template(request.user, template_id), agent=request.user)
        return Response(status=204)


class TemplateValuesSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=LANGUAGES, required=False, allow_null=True, default=None,
                                       help_text="the variant; by default the conversation's language, else English")
    values = serializers.DictField(child=serializers.CharField(max_length=rules.MAX_SUPPLIED, allow_blank=True),
                                   required=False, default=dict, help_text="values the agent typed, by variable")

    def validate_values(self, values):
        if len(values) > MAX_VALUES:
            raise serializers.ValidationError("too many values")
        return values


class TemplateSendSerializer(TemplateValuesSerializer):
    client_id = serializers.CharField(max_length=64, required=False, default="", allow_blank=True)


class PreviewSerializer(serializers.Serializer):
    language = serializers.CharField()
    body = serializers.CharField()


class UnusableSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()
    reason = serializers.CharField(help_text="missing_values or invalid_values")
    missing = serializers.ListField(child=serializers.CharField(), required=False)
    invalid = serializers.ListField(child=serializers.CharField(), required=False)


def _unusable(error: Exception) -> Response:
    """422 for values the agent must fill or fix; 400 for names no template knows."""
    if isinstance(error, rules.MissingValues):
        return Response({"detail": "some variables have no value", "code": "missing_values",
                         "reason": "missing_values", "missing": error.names}, status=422)
    if isinstance(error, rules.InvalidValues):
        return Response({"detail": "some values are not valid", "code": "invalid_values",
                         "reason": "invalid_values", "invalid": error.names}, status=422)
    return template_error(error)


UNUSABLE = {422: UnusableSerializer, 400: OpenApiResponse(description="unknown variables, no such variant"),
            404: OpenApiResponse(description="not in this shop")}


class TemplatePreviewApi(APIView):
    @extend_schema(request=TemplateValuesSerializer, responses={200: PreviewSerializer, **UNUSABLE},
                   summary="The text the template gives in this conversation", tags=["templates"])
    def post(self, request, conversation_id: int, template_id: int):
        conversation = access_conversation(request.user, conversation_id)
        template = access_template(request.user, template_id)
        payload = TemplateValuesSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            prepared = prepare(conversation, request.user, template, language=payload.validated_data["language"],
                               supplied=payload.validated_data["values"])
        except (rules.MissingValues, rules.TemplateError) as error:
            return _unusable(error)
        return Response({"language": prepared.language, "body": prepared.body})


class TemplateSendApi(APIView):
    @extend_schema(request=TemplateSendSerializer,
                   responses={201: MessageSerializer, 200: OpenApiResponse(MessageSerializer, description="the same "
                                                                          "client_id again: the first message"),
                              **UNUSABLE, 403: OpenApiResponse(description="needs approval")},
                   summary="Send the template as the agent's reply (nothing is sent on a refusal)", tags=["templates"])
    def post(self, request, conversation_id: int, template_id: int):
        conversation = access_conversation(request.user, conversation_id)
        payload = TemplateSendSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        try:
            message, created = template_actions.send_template(
                conversation, agent=request.user, template_id=template_id, language=data["language"],
                values_supplied=data["values"], client_id=data["client_id"],
            )
        except template_actions.ApprovalRequired:
            return Response({"detail": "only a supervisor can send this template", "code": "approval_required",
                             "reason": "approval_required"}, status=403)
        except (rules.MissingValues, rules.TemplateError) as error:
            return _unusable(error)
        return Response(MessageSerializer(message).data, status=201 if created else 200)

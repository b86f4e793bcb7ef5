"""``/api/admin/faq...``: the merchant's FAQ. Every agent reads it and tries it (``faq/test``: which
entry would answer a message, and how sure the bot is); owners and admins write. Every id of another
shop is a 404."""
import logging

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from shopapp.api.permissions import AdminToWrite
from support.actions import faq as faq_actions
from support.rules import faq as rules
from support.rules.intents import classify
from support.rules.language import detect_language
from support.rules.texts import LANGUAGES
from support.selectors.faq import access_faq_entry, faq_candidates, faq_entries

logger = logging.getLogger(__name__)

TESTED_CANDIDATES = 3


class CanEditFaq(AdminToWrite):
    message = "only the shop's owner and admins can change the FAQ"
    log_key = "faq.write.refused"


class FaqEntrySerializer(serializers.Serializer):
    id = serializers.CharField()
    language = serializers.CharField(allow_blank=True, help_text="blank: answers in any language")
    questions = serializers.ListField(child=serializers.CharField())
    answer = serializers.CharField()
    enabled = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class FaqWriteSerializer(serializers.Serializer):
    questions = serializers.ListField(
        child=serializers.CharField(max_length=rules.MAX_QUESTION_LENGTH, allow_blank=True),
        min_length=1, max_length=rules.MAX_QUESTIONS, help_text="the ways shoppers ask it",
    )
    answer = serializers.CharField(max_length=rules.MAX_ANSWER_LENGTH, allow_blank=True,
                                   help_text="plain text, sent as written")
    language = serializers.ChoiceField(choices=["", *LANGUAGES], required=False, default="",
                                       help_text="blank: answers in any language")
    enabled = serializers.BooleanField(required=False, default=True)


class FaqTestSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=2000, help_text="a shopper's message")
    language = serializers.ChoiceField(choices=LANGUAGES, required=False, allow_null=True, default=None,
                                       help_text="by default detected as for a shopper (the agent's locale else)")


class FaqCandidateSerializer(serializers.Serializer):
    id = serializers.CharField(source="entry_id")
    question = serializers.CharField(help_text="the variant closest to the message")
    score = serializers.FloatField()


class FaqTestResultSerializer(serializers.Serializer):
    language = serializers.CharField()
    intent = serializers.CharField(allow_null=True, help_text="what the bot recognises in the message, if anything")
    outcome = serializers.ChoiceField(choices=["answered", "ambiguous", "no_match", "no_entries"])
    match = serializers.DictField(allow_null=True, help_text="id, question, answer, score, runner_up")
    candidates = FaqCandidateSerializer(many=True, help_text="the best entries, best first")
    min_score = serializers.FloatField()
    min_margin = serializers.FloatField()


REFUSALS = {400: OpenApiResponse(description="bad input (code says why)"),
            403: OpenApiResponse(description="not an admin"), 404: OpenApiResponse(description="not in this shop")}


def _written(request) -> dict:
    payload = FaqWriteSerializer(data=request.data)
    payload.is_valid(raise_exception=True)
    return payload.validated_data


class FaqListApi(APIView):
    permission_classes = [IsAuthenticated, CanEditFaq]

    @extend_schema(responses=FaqEntrySerializer(many=True), summary="The shop's FAQ entries", tags=["faq"])
    def get(self, request):
        return Response(FaqEntrySerializer(faq_entries(request.user), many=True).data)

    @extend_schema(request=FaqWriteSerializer, responses={201: FaqEntrySerializer, **REFUSALS},
                   summary="Add an FAQ entry", tags=["faq"])
    def post(self, request):
        entry = faq_actions.create_faq_entry(agent=request.user, **_written(request))
        return Response(FaqEntrySerializer(entry).data, status=201)


class FaqDetailApi(APIView):
    permission_classes = [IsAuthenticated, CanEditFaq]

    @extend_schema(responses={200: FaqEntrySerializer, **REFUSALS}, summary="One FAQ entry", tags=["faq"])
    def get(self, request, entry_id: int):
        return Response(FaqEntrySerializer(access_faq_entry(request.user, entry_id)).data)

    @extend_schema(request=FaqWriteSerializer, responses={200: FaqEntrySerializer, **REFUSALS},
                   summary="Replace an FAQ entry", tags=["faq"])
    def put(self, request, entry_id: int):
        entry = access_faq_entry(request.user, entry_id)
        entry = faq_actions.update_faq_entry(entry, agent=request.user, **_written(request))
        return Response(FaqEntrySerializer(entry).data)

    @extend_schema(responses={204: None, **REFUSALS}, summary="Delete an FAQ entry", tags=["faq"])
    def delete(self, request, entry_id: int):
        faq_actions.delete_faq_entry(access_faq_entry(request.user, entry_id), agent=request.user)
        return Response(status=204)


def _outcome(ranked, match) -> str:
    if match is not None:
        return "answered"
    if not ranked:
        return "no_entries"
    return "ambiguous" if ranked[0].score >= rules.MIN_SCORE else "no_match"


class FaqTestApi(APIView):
    @extend_schema(request=FaqTestSerializer, responses={200: FaqTestResultSerializer},
                   summary="Which enabled entry would answer a message, and how sure the bot is", tags=["faq"])
    def post(self, request):
        payload = FaqTestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        text = payload.validated_data["text"]
        language = payload.validated_data["language"] or detect_language(text, browser_locale=request.user.locale)
        candidates = faq_candidates(request.auth.shop, language)
        ranked, match = rules.rank(text, candidates, language), rules.best_match(text, candidates, language)
        intent = classify(text, language).intent
        return Response(FaqTestResultSerializer({
            "language": language, "intent": intent.value if intent else None, "outcome": _outcome(ranked, match),
            "match": None if match is None else {"id": str(match.entry_id), "question": match.question,
                                                 "answer": match.answer, "score": match.score,
                                                 "runner_up": match.runner_up},
            "candidates": ranked[:TESTED_CANDIDATES], "min_score": rules.MIN_SCORE, "min_margin": rules.MIN_MARGIN,
        }).data)

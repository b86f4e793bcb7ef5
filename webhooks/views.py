"""``POST /webhooks/shopify`` and ``POST /webhooks/compliance`` through Django (tests, ``make dev``
under uvicorn). Under the WSGI server the same paths are answered by ``frontdoor`` before Django;
both call ``ingest``, so the answers are the same."""
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .ingest import Answer, ingest, refuse


def _response(answer: Answer) -> HttpResponse:
    return HttpResponse(answer.body, status=answer.status, content_type="application/json")


def _handle(request, *, compliance: bool) -> HttpResponse:
    try:
        raw = request.body
    except RequestDataTooBig:
        return _response(refuse(413, "payload_too_large"))
    return _response(ingest(request.META, raw, compliance=compliance))


@csrf_exempt
@require_POST
def shopify_webhook(request):
    return _handle(request, compliance=False)


@csrf_exempt
@require_POST
def compliance_webhook(request):
    return _handle(request, compliance=True)

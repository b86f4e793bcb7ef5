"""Bench-only URLconf: every URL of the app, plus ``POST /__bench__/bare``, a trivial view (no
database, no Redis) used as the baseline. Only ``bench.settings`` selects this module."""
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def bare(request):
    """The same kind of view as the webhook one (sync, through the same middleware), doing nothing."""
    return HttpResponse(b'{"ok": true}', content_type="application/json")


urlpatterns = [
    path("__bench__/bare", bare, name="bench-bare"),
    path("", include("shopapp.urls")),
]

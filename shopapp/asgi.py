"""ASGI entry point: HTTP through Django, websockets through Channels (``support/routing.py``
says which socket checks the Origin)."""
import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shopapp.settings")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from support.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": URLRouter(websocket_urlpatterns),
    }
)

# Everything loaded so far lives as long as the process: keep it out of the garbage collector's
# full collections, which stop the one event loop serving every socket while they walk the heap.
gc.collect()
gc.freeze()

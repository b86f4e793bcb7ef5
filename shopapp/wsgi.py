"""The WSGI application for gunicorn (``gunicorn shopapp.wsgi:application``): Django, with the
webhook front door (``webhooks.frontdoor``) answering Shopify's deliveries before Django's request
machinery. Websockets are served by the ASGI application (``shopapp.asgi``) under uvicorn."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shopapp.settings")

django_application = get_wsgi_application()

from webhooks.frontdoor import WebhookFrontDoor  # noqa: E402 - needs the apps loaded above

application = WebhookFrontDoor(django_application)

"""Project package and the Shopify platform: settings, urls, asgi, the Celery app, shops and install,
session-token auth, staff, the Admin GraphQL client and the dev store simulator."""
from .celery import app as celery_app

__all__ = ["celery_app"]

"""Email to the locmem outbox, Celery eager (the notice's email task runs at once), presence empty."""
import pytest

from shopapp.celery import app as celery_app


@pytest.fixture(autouse=True)
def email_settings(settings, redis_client):
    settings.SUPPORT_EMAIL_DOMAIN = "mail.example.com"
    settings.DEFAULT_FROM_EMAIL = "Support <support@mail.example.com>"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    celery_app.conf.task_always_eager = True
    yield settings
    celery_app.conf.task_always_eager = False

"""The Celery application. Tasks live in each app's ``tasks.py`` and take ids."""
import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shopapp.settings")

app = Celery("shopapp")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(related_name="mirror_tasks")


@worker_init.connect
def _load_language_models(**kwargs):
    """The bot detects the language of every chat message: load the detector's models once in the
    worker's main process, so that its pool processes share them (and the first message is not slow)."""
    from support.rules.language import warm_up

    warm_up()

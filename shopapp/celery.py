"""The Celery application. Tasks live in each app's ``tasks.py`` and take ids."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shopapp.settings")

app = Celery("shopapp")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(related_name="mirror_tasks")

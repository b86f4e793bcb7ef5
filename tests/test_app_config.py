"""shopify.app.toml subscribes to exactly the topics the app handles."""
import tomllib
from pathlib import Path

from webhooks.handlers import HANDLERS
from webhooks.ingest import COMPLIANCE_TOPICS

CONFIG = tomllib.loads((Path(__file__).resolve().parent.parent / "shopify.app.toml").read_text())


def test_every_handled_topic_is_subscribed_and_nothing_else():
    subscribed, compliance = set(), set()
    for subscription in CONFIG["webhooks"]["subscriptions"]:
        subscribed |= set(subscription.get("topics", []))
        compliance |= set(subscription.get("compliance_topics", []))
        assert subscription["uri"].endswith("/webhooks/compliance" if "compliance_topics" in subscription
                                            else "/webhooks/shopify")
    assert compliance == COMPLIANCE_TOPICS
    assert subscribed | compliance == set(HANDLERS)
    assert CONFIG["webhooks"]["api_version"] == "2026-07"


def test_every_beat_entry_names_a_registered_task():
    from django.conf import settings

    from shopapp.celery import app

    app.loader.import_default_modules()
    names = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert names - set(app.tasks) == set()
    assert "support.tasks.purge_attachment_files_task" in names


def test_the_toml_asks_for_the_scopes_the_app_uses_and_proxies_the_widget_api():
    from django.conf import settings

    assert CONFIG["access_scopes"]["scopes"] == settings.SHOPIFY_SCOPES
    assert "write_app_proxy" in settings.SHOPIFY_SCOPES.split(",")  # Shopify requires it for [app_proxy]
    assert (CONFIG["app_proxy"]["prefix"], CONFIG["app_proxy"]["subpath"]) == ("apps", "support")
    # <shop>/apps/support/api/widget/... reaches <url>/api/widget/...: the url is the app's root.
    assert CONFIG["app_proxy"]["url"] == CONFIG["application_url"].rstrip("/")

"""The widget's pre-chat email is what the email fallback uses: a shopper who left an address and
closed the widget gets the agent's answer by email; one with the widget open does not."""
import pytest
from django.core import mail

from shopapp.celery import app as celery_app
from support import presence
from support.actions.messages import send_agent_reply
from support.models import Conversation, Customer
from tests.factories import AgentFactory
from tests.support.api.test_widget import widget  # noqa: F401 - the signed app-proxy widget client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def eager_email(settings):
    settings.SUPPORT_EMAIL_DOMAIN = "mail.example.com"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


def test_email_given_in_the_widget_receives_the_offline_reply(widget, django_capture_on_commit_callbacks):  # noqa: F811
    started = widget.start(name="Ana Souza", email="ana@example.com")
    conversation = Conversation.objects.get(pk=started.json()["conversation"]["id"])
    assert Customer.objects.get(shop=widget.shop).email == "ana@example.com"
    with django_capture_on_commit_callbacks(execute=True):
        send_agent_reply(conversation, agent=AgentFactory(shop=widget.shop), body="We are back!", client_id="a1")
    assert [(m.to, m.body.split("\n")[0]) for m in mail.outbox] == [(["Ana Souza <ana@example.com>"], "We are back!")]


def test_email_left_later_on_resume_is_kept(widget, django_capture_on_commit_callbacks):  # noqa: F811
    widget.start(name="Ana")
    resumed = widget.start(email="ana@example.com")  # the offline form asks for it after the first message
    assert resumed.status_code == 200
    assert Customer.objects.get(shop=widget.shop).email == "ana@example.com"


def test_shopper_with_the_widget_open_gets_no_email(widget, django_capture_on_commit_callbacks):  # noqa: F811
    started = widget.start(email="ana@example.com")
    conversation = Conversation.objects.get(pk=started.json()["conversation"]["id"])
    presence.mark_shopper(conversation.pk, "socket-1")
    with django_capture_on_commit_callbacks(execute=True):
        send_agent_reply(conversation, agent=AgentFactory(shop=widget.shop), body="Hi!", client_id="a1")
    assert mail.outbox == []

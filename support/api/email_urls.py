"""Email provider webhooks, included under ``/webhooks/email/``."""
from django.urls import re_path

from .inbound_email import mailgun_inbound

# Mailgun posts the raw MIME message when the URL contains "mime", parsed fields otherwise: both work.
urlpatterns = [
    re_path(r"^mailgun/inbound(?:_mime)?/$", mailgun_inbound, name="email-inbound-mailgun"),
]

"""``/webhooks/email/mailgun/inbound_mime/``: shoppers' emailed answers, posted by Mailgun's route.

Anymail's Mailgun inbound view checks the signature (HMAC-SHA256 of timestamp + token with
``ANYMAIL_MAILGUN_WEBHOOK_SIGNING_KEY``; plus HTTP basic auth when ``ANYMAIL_WEBHOOK_SECRET`` is
set): a forged or unsigned post gets 401 (one log line) and nothing is stored. A valid post sends anymail's
``inbound`` signal; ``on_inbound`` (connected in ``SupportConfig.ready``) turns the parsed email into
plain values and calls one action. Without a signing key the endpoint does not exist (404)."""
import html
import logging
import re

from anymail.exceptions import AnymailWebhookValidationFailure
from anymail.webhooks.mailgun import MailgunInboundWebhookView
from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.html import strip_tags
from django.views.decorators.csrf import csrf_exempt

from support.actions.inbound_email import InboundEmail, receive_email_reply
from support.rules import email as rules

logger = logging.getLogger(__name__)

_mailgun_view = MailgunInboundWebhookView.as_view()


@csrf_exempt
def mailgun_inbound(request, *args, **kwargs):
    anymail = getattr(settings, "ANYMAIL", {})
    if not (anymail.get("MAILGUN_WEBHOOK_SIGNING_KEY") or anymail.get("MAILGUN_API_KEY")):
        logger.warning("email.inbound.not_configured", extra={"esp": "mailgun"})
        raise Http404("inbound email is not configured")
    try:
        return _mailgun_view(request, *args, **kwargs)
    except AnymailWebhookValidationFailure:  # bad or missing signature (or basic auth): nothing stored
        logger.warning("email.inbound.refused", extra={"esp": "mailgun", "reason": "invalid_signature"})
        return HttpResponse("invalid signature", status=401, content_type="text/plain")


def on_inbound(sender, event, esp_name, **kwargs):
    """Receiver of anymail's ``inbound`` signal."""
    message = event.message
    receive_email_reply(InboundEmail(
        recipients=_recipients(message),
        sender=_sender(message),
        message_id=next(iter(rules.message_ids(str(message.get("Message-ID", "")))), "")[:255],
        thread_ids=rules.message_ids(str(message.get("In-Reply-To", ""))) +
        rules.message_ids(str(message.get("References", ""))),
        text=_text(message),
        automatic=rules.is_automatic({name: str(value) for name, value in message.items()}),
        spam=bool(getattr(message, "spam_detected", False)),
    ))


def _recipients(message) -> list[str]:
    envelope = [message.envelope_recipient] if getattr(message, "envelope_recipient", None) else []
    headers = [address.addr_spec for address in [*message.to, *message.cc, *message.get_address_header("Delivered-To")]]
    return [*envelope, *headers]


def _sender(message) -> str:
    sender = message.from_email
    if isinstance(sender, list):  # several From addresses: not a shopper's reply we can attribute
        return ""
    return sender.addr_spec if sender else ""


def _text(message) -> str:
    """The plain-text part; an HTML-only email becomes text (tags dropped, never stored as HTML)."""
    if message.text:
        return message.text
    markup = message.html or ""
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", markup)
    markup = re.sub(r"(?i)<br\s*/?>|</(p|div|li|tr|h[1-6])>", "\n", markup)
    markup = re.sub(r"(?is)<blockquote\b.*?</blockquote>", "", markup)  # the quoted history
    return html.unescape(strip_tags(markup))

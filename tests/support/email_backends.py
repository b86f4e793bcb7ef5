"""Email backends for tests: Django's locmem backend (``mail.outbox``) that first fails the way an
SMTP server or a provider does."""
import smtplib

from django.core.mail.backends.locmem import EmailBackend


class FlakyBackend(EmailBackend):
    """Raises ``error`` for the next ``failures`` sends, then delivers to ``mail.outbox``."""

    failures = 0
    error: Exception = smtplib.SMTPServerDisconnected("connection unexpectedly closed")
    attempts = 0

    def send_messages(self, messages):
        FlakyBackend.attempts += 1
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            raise FlakyBackend.error
        return super().send_messages(messages)

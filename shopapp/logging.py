"""Structured logging: events are dotted keys (``"auth.session_token.rejected"``) with fields in
``extra=``. The filter drops any field whose name says it holds a secret or personal data, as a
last line of defence; code should not pass such fields in the first place."""
import logging

SENSITIVE_FIELD_PARTS = ("token", "secret", "password", "hmac", "authorization", "email", "phone", "cookie")
# Attributes every LogRecord has; only the ``extra=`` fields beyond them need looking at.
_STANDARD = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


class RedactFilter(logging.Filter):
    def filter(self, record):
        for key in vars(record).keys() - _STANDARD:
            if any(part in key.lower() for part in SENSITIVE_FIELD_PARTS):
                setattr(record, key, "[redacted]")
        return True

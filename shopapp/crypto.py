"""Encryption at rest for secrets we must keep (Shopify access and refresh tokens).

Keys come from ``FIELD_ENCRYPTION_KEY`` (comma-separated Fernet keys: the first encrypts, every
key decrypts, so keys can be rotated)."""
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models


@lru_cache(maxsize=4)
def _fernet(keys):
    return MultiFernet([Fernet(key.encode()) for key in keys])


def encrypt(plaintext: str) -> str:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS)).encrypt(plaintext.encode()).decode()


def decrypt(ciphertext: str) -> str:
    try:
        return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS)).decrypt(ciphertext.encode()).decode()
    except InvalidToken as error:
        raise ValueError("encrypted value cannot be read with the configured FIELD_ENCRYPTION_KEY") from error


class EncryptedTextField(models.TextField):
    """A text column stored as Fernet ciphertext; Python code sees plaintext. Empty stays empty."""

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(value)

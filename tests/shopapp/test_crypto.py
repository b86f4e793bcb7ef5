import pytest
from cryptography.fernet import Fernet
from django.db import connection

from shopapp.crypto import decrypt, encrypt
from tests.factories import ShopTokenFactory


def test_roundtrip_and_ciphertext_differs():
    ciphertext = encrypt("shpat_secret")
    assert ciphertext != "shpat_secret"
    assert "shpat_secret" not in ciphertext
    assert decrypt(ciphertext) == "shpat_secret"


def test_key_rotation_reads_old_ciphertext(settings):
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    ciphertext = encrypt("shpat_rotated")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), old_key]
    assert decrypt(ciphertext) == "shpat_rotated"
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(ValueError, match="FIELD_ENCRYPTION_KEY"):
        decrypt(ciphertext)


@pytest.mark.django_db
def test_tokens_are_encrypted_in_the_database():
    token = ShopTokenFactory(access_token="shpat_plain_value", refresh_token="shprt_plain_value")
    with connection.cursor() as cursor:
        cursor.execute("SELECT access_token, refresh_token FROM shopapp_shoptoken WHERE id = %s", [token.pk])
        stored_access, stored_refresh = cursor.fetchone()
    assert "shpat_plain_value" not in stored_access
    assert "shprt_plain_value" not in stored_refresh
    token.refresh_from_db()
    assert token.access_token == "shpat_plain_value"
    assert token.refresh_token == "shprt_plain_value"

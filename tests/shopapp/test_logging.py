import logging

from shopapp.logging import RedactFilter


def record(**extra):
    return logging.makeLogRecord({"msg": "auth.session_token.rejected", "levelno": logging.INFO, **extra})


def test_fields_named_like_secrets_or_personal_data_are_redacted():
    rec = record(shop_id=3, access_token="shpat_x", customer_email="a@b.c", Phone="+1", reason="expired")
    assert RedactFilter().filter(rec) is True
    assert (rec.shop_id, rec.reason) == (3, "expired")
    assert (rec.access_token, rec.customer_email, rec.Phone) == ("[redacted]", "[redacted]", "[redacted]")


def test_standard_record_attributes_are_left_alone():
    rec = record()
    before = dict(vars(rec))
    RedactFilter().filter(rec)
    assert vars(rec) == before

"""The webhook signature check gives shopifyapp's verdict, for any body, signature and pair of
secrets (the previous secret during a rotation)."""
import base64

from hypothesis import given
from hypothesis import strategies as st
from shopify_app import ShopifyApp

from webhooks.signature import body_signature, signature_problem

SECRET = "current-secret"
OLD = "previous-secret"


def library_verdict(body: bytes, received: str, secret: str, old: str | None) -> str:
    app = ShopifyApp(client_id="key", client_secret=secret, old_client_secret=old)
    headers = {"x-shopify-hmac-sha256": received} if received else {}
    result = app.verify_webhook_req({"method": "POST", "headers": headers, "url": "", "body": body.decode("utf-8")})
    return "" if result.ok else result.log.code


def test_known_signature():
    # Computed independently: base64(HMAC-SHA256(key=b"current-secret", msg=b'{"id":1}')).
    import hashlib
    import hmac

    expected = base64.b64encode(hmac.new(b"current-secret", b'{"id":1}', hashlib.sha256).digest()).decode()
    assert body_signature(b'{"id":1}', SECRET) == expected
    assert signature_problem(b'{"id":1}', expected, SECRET) == ""


def test_refusals_are_named_as_shopifyapp_names_them():
    body = b'{"id": 1}'
    assert signature_problem(body, "", SECRET, OLD) == "missing_hmac_header"
    assert signature_problem(body, body_signature(body, "another"), SECRET, OLD) == "invalid_hmac"
    assert signature_problem(body, body_signature(body, OLD), SECRET, None) == "invalid_hmac"
    assert signature_problem(body, body_signature(body, OLD), SECRET, OLD) == ""
    assert signature_problem(body + b" ", body_signature(body, SECRET), SECRET) == "invalid_hmac"
    assert signature_problem(body, "not base64 \u00e9", SECRET) == "invalid_hmac"


signers = st.sampled_from(["current", "old", "other", "none", "garbage"])


@given(body=st.text(max_size=300).map(lambda text: text.encode("utf-8")), signer=signers,
       old=st.sampled_from([None, OLD]))
def test_same_verdict_as_shopifyapp(body, signer, old):
    received = {"current": body_signature(body, SECRET), "old": body_signature(body, OLD),
                "other": body_signature(body, "other"), "none": "", "garbage": "abc=="}[signer]
    assert signature_problem(body, received, SECRET, old) == library_verdict(body, received, SECRET, old)

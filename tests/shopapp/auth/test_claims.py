import pytest

from shopapp.auth.claims import ClaimsRejected, shop_from_claims

API_KEY = "key-1"


def claims(**overrides):
    base = {
        "iss": "https://demo.myshopify.com/admin",
        "dest": "https://demo.myshopify.com",
        "aud": API_KEY,
        "sub": "42",
        "exp": 2_000_000_000,
        "nbf": 1_000_000_000,
    }
    base.update(overrides)
    return {key: value for key, value in base.items() if value is not None}


def test_valid_claims_give_the_shop():
    assert shop_from_claims(claims(), api_key=API_KEY) == "demo.myshopify.com"


@pytest.mark.parametrize(
    "overrides, reason",
    [
        ({"aud": "other-app"}, "wrong_audience"),
        ({"exp": None}, "missing_expiry"),
        ({"exp": "soon"}, "missing_expiry"),
        ({"dest": "https://evil.com"}, "bad_destination"),
        ({"dest": "http://demo.myshopify.com"}, "bad_destination"),
        ({"dest": "https://demo.myshopify.com/admin"}, "bad_destination"),
        ({"dest": "https://DEMO.myshopify.com"}, "bad_destination"),
        ({"dest": None}, "bad_destination"),
        ({"iss": "https://other.myshopify.com/admin"}, "issuer_mismatch"),
        ({"iss": "https://demo.myshopify.com/"}, "issuer_mismatch"),
        ({"iss": None}, "issuer_mismatch"),
        ({"sub": None}, "bad_subject"),
        ({"sub": "abc"}, "bad_subject"),
        ({"sub": 42}, "bad_subject"),
    ],
)
def test_rejections(overrides, reason):
    with pytest.raises(ClaimsRejected) as caught:
        shop_from_claims(claims(**overrides), api_key=API_KEY)
    assert caught.value.reason == reason

from urllib.parse import urlencode

from shopapp.shopify import query_hmac

# Shopify's published OAuth examples (secret "hush").
PUBLISHED_WITH_STATE = (
    "code=0907a61c0c8d55e99db179b68161bc00"
    "&hmac=700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf"
    "&shop=some-shop.myshopify.com&state=0.6784241404160823&timestamp=1337178173"
)
PUBLISHED_WITHOUT_STATE = (
    "code=0907a61c0c8d55e99db179b68161bc00"
    "&hmac=4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20"
    "&shop=some-shop.myshopify.com&timestamp=1337178173"
)


def test_published_examples_verify():
    assert query_hmac.verify(PUBLISHED_WITH_STATE, ["hush"]) is True
    assert query_hmac.verify(PUBLISHED_WITHOUT_STATE, ["hush"]) is True


def test_published_example_message_and_digest():
    pairs = [("shop", "some-shop.myshopify.com"), ("code", "0907a61c0c8d55e99db179b68161bc00"),
             ("timestamp", "1337178173"), ("state", "0.6784241404160823"), ("hmac", "ignored")]
    assert query_hmac.signing_message(pairs) == (
        "code=0907a61c0c8d55e99db179b68161bc00&shop=some-shop.myshopify.com"
        "&state=0.6784241404160823&timestamp=1337178173"
    )
    assert query_hmac.compute(pairs, "hush") == "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf"


def test_wrong_secret_is_refused():
    assert query_hmac.verify(PUBLISHED_WITH_STATE, ["not-hush"]) is False


def test_old_secret_accepted_during_rotation():
    assert query_hmac.verify(PUBLISHED_WITH_STATE, ["new-secret", "hush"]) is True


def test_tampered_parameter_is_refused():
    assert query_hmac.verify(PUBLISHED_WITH_STATE.replace("some-shop", "other-shop"), ["hush"]) is False


def test_missing_duplicated_or_empty_hmac_is_refused():
    without = PUBLISHED_WITH_STATE.replace("&hmac=700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf", "")
    assert query_hmac.verify(without, ["hush"]) is False
    assert query_hmac.verify(PUBLISHED_WITH_STATE + "&hmac=00", ["hush"]) is False
    assert query_hmac.verify("hmac=&shop=a.myshopify.com", [""]) is False


def test_garbage_query_strings_are_refused():
    for garbage in ["", "&&&", "%zz", "hmac", "a=1&a", "=" * 10]:
        assert query_hmac.verify(garbage, ["hush"]) is False


def test_repeated_keys_sign_as_a_json_style_list():
    pairs = [("ids[]", "1"), ("ids[]", "2"), ("shop", "a.myshopify.com")]
    assert query_hmac.signing_message(pairs) == 'ids=["1", "2"]&shop=a.myshopify.com'
    digest = query_hmac.compute(pairs, "s3cret")
    query = urlencode(pairs + [("hmac", digest)])
    assert query_hmac.verify(query, ["s3cret"]) is True


def test_uppercase_hex_digest_accepted():
    upper = PUBLISHED_WITH_STATE.replace(
        "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf",
        "700E2DADB827FCC8609E9D5CE208B2E9CDAAB9DF07390D2CBCA10D7C328FC4BF",
    )
    assert query_hmac.verify(upper, ["hush"]) is True

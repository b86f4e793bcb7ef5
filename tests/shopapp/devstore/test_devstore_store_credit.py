"""Mutations: storeCreditAccountCredit and giftCardCreate, with userErrors."""

import pytest

CREDIT = """mutation Credit($id: ID!, $amount: Decimal!, $currency: CurrencyCode!, $expiresAt: DateTime) {
  storeCreditAccountCredit(id: $id, creditInput: {creditAmount: {amount: $amount, currencyCode: $currency},
                                                  expiresAt: $expiresAt, notify: false}) {
    storeCreditAccountTransaction {
      id amount { amount currencyCode } balanceAfterTransaction { amount currencyCode }
      createdAt expiresAt origin
      account { id balance { amount currencyCode } owner { ... on Customer { id } } }
    }
    userErrors { field message code }
  }
}"""
ACCOUNT = """query A($id: ID!) { storeCreditAccount(id: $id) { id balance { amount currencyCode }
  transactions(first: 10) { nodes { __typename amount { amount currencyCode } createdAt } } } }"""
EMPTY = {"accounts": [], "transactions": [], "gift_cards": []}


def _customer(api, shop, index=0):
    return api.control.get(f"/_devstore/shops/{shop}/customers").json()["customers"][index]


def _credit(api, shop, token, target, amount="12.50", currency="USD", **variables):
    variables = {"id": target, "amount": amount, "currency": currency, **variables}
    return api.graphql(shop, token, CREDIT, variables).json()


def test_first_credit_creates_the_account_and_later_credits_add_up(api, shop, token):
    customer_gid = f"gid://shopify/Customer/{_customer(api, shop)['id']}"

    first = _credit(api, shop, token, customer_gid)["data"]["storeCreditAccountCredit"]
    second = _credit(api, shop, token, customer_gid, amount="7.5")["data"]["storeCreditAccountCredit"]

    account_id = first["storeCreditAccountTransaction"]["account"]["id"]
    assert first["userErrors"] == []
    assert first["storeCreditAccountTransaction"]["amount"] == {"amount": "12.50", "currencyCode": "USD"}
    assert first["storeCreditAccountTransaction"]["balanceAfterTransaction"] == {
        "amount": "12.50",
        "currencyCode": "USD",
    }
    assert first["storeCreditAccountTransaction"]["origin"] is None
    assert first["storeCreditAccountTransaction"]["expiresAt"] is None
    assert first["storeCreditAccountTransaction"]["account"]["owner"] == {"id": customer_gid}
    assert account_id.startswith("gid://shopify/StoreCreditAccount/")
    assert second["storeCreditAccountTransaction"]["account"] == {
        "id": account_id,
        "balance": {"amount": "20.00", "currencyCode": "USD"},
        "owner": {"id": customer_gid},
    }
    raw = api.credit(shop)
    assert [a["balance"] for a in raw["accounts"]] == ["20.00"]
    assert [t["amount"] for t in raw["transactions"]] == ["12.50", "7.50"]


def test_credit_by_account_id_and_transactions_are_readable(api, shop, token):
    customer_gid = f"gid://shopify/Customer/{_customer(api, shop)['id']}"
    created = _credit(api, shop, token, customer_gid, currency="EUR")["data"]["storeCreditAccountCredit"]
    account_id = created["storeCreditAccountTransaction"]["account"]["id"]

    again = _credit(api, shop, token, account_id, amount="1.00", currency="EUR", expiresAt="2099-01-01T00:00:00Z")
    account = api.data(shop, token, ACCOUNT, {"id": account_id})["storeCreditAccount"]

    assert (
        again["data"]["storeCreditAccountCredit"]["storeCreditAccountTransaction"]["expiresAt"]
        == "2099-01-01T00:00:00Z"
    )
    assert account["balance"] == {"amount": "13.50", "currencyCode": "EUR"}
    assert [(n["__typename"], n["amount"]["amount"]) for n in account["transactions"]["nodes"]] == [
        ("StoreCreditAccountCreditTransaction", "12.50"),
        ("StoreCreditAccountCreditTransaction", "1.00"),
    ]


def test_a_customer_has_one_account_per_currency(api, shop, token):
    customer = _customer(api, shop)
    customer_gid = f"gid://shopify/Customer/{customer['id']}"
    _credit(api, shop, token, customer_gid, currency="USD")
    _credit(api, shop, token, customer_gid, currency="CAD")
    query = """query C($id: ID!) { customer(id: $id) {
        storeCreditAccounts(first: 5) { nodes { balance { currencyCode } } } } }"""

    data = api.data(shop, token, query, {"id": customer_gid})

    assert [n["balance"]["currencyCode"] for n in data["customer"]["storeCreditAccounts"]["nodes"]] == [
        "USD",
        "CAD",
    ]


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (
            "mismatching_currency",
            {
                "field": ["creditInput", "creditAmount", "currencyCode"],
                "code": "MISMATCHING_CURRENCY",
                "message": "The currency provided does not match the currency of the store credit account.",
            },
        ),
        (
            "zero_amount",
            {
                "field": ["creditInput", "creditAmount", "amount"],
                "code": "NEGATIVE_OR_ZERO_AMOUNT",
                "message": "A positive amount must be used to credit a store credit account.",
            },
        ),
        (
            "negative_amount",
            {
                "field": ["creditInput", "creditAmount", "amount"],
                "code": "NEGATIVE_OR_ZERO_AMOUNT",
                "message": "A positive amount must be used to credit a store credit account.",
            },
        ),
        (
            "unknown_customer",
            {"field": ["id"], "code": "ACCOUNT_NOT_FOUND", "message": "Store credit account does not exist."},
        ),
        (
            "unknown_account",
            {"field": ["id"], "code": "ACCOUNT_NOT_FOUND", "message": "Store credit account does not exist."},
        ),
        (
            "expired",
            {
                "field": ["creditInput", "expiresAt"],
                "code": "EXPIRES_AT_IN_PAST",
                "message": "The expiry date must be in the future.",
            },
        ),
    ],
)
def test_user_errors_change_nothing(api, shop, token, case, expected):
    customer_gid = f"gid://shopify/Customer/{_customer(api, shop)['id']}"
    seeded = _credit(api, shop, token, customer_gid)["data"]["storeCreditAccountCredit"]
    account_id = seeded["storeCreditAccountTransaction"]["account"]["id"]
    before = api.credit(shop)
    variables = {
        "mismatching_currency": {"target": account_id, "currency": "EUR"},
        "zero_amount": {"target": customer_gid, "amount": "0"},
        "negative_amount": {"target": customer_gid, "amount": "-3.00"},
        "unknown_customer": {"target": "gid://shopify/Customer/9100000000199999"},
        "unknown_account": {"target": "gid://shopify/StoreCreditAccount/9100000001999999"},
        "expired": {"target": customer_gid, "expiresAt": "2001-01-01T00:00:00Z"},
    }[case]

    response = _credit(api, shop, token, **variables)

    assert response["data"]["storeCreditAccountCredit"] == {
        "storeCreditAccountTransaction": None,
        "userErrors": [expected],
    }
    assert api.credit(shop) == before


def test_an_invalid_selection_rolls_the_mutation_back(api, shop, token):
    customer_gid = f"gid://shopify/Customer/{_customer(api, shop)['id']}"
    mutation = """mutation C($id: ID!) { storeCreditAccountCredit(id: $id,
        creditInput: {creditAmount: {amount: "3.00", currencyCode: USD}}) {
          storeCreditAccountTransaction { bogus } } }"""

    response = api.graphql(shop, token, mutation, {"id": customer_gid}).json()

    assert response["errors"][0]["extensions"]["code"] == "undefinedField"
    assert "data" not in response
    assert api.credit(shop) == EMPTY


def test_invalid_global_id_is_a_top_level_error(api, shop, token):
    response = _credit(api, shop, token, "9100000000100001")

    assert response["errors"][0]["message"] == "Invalid global id '9100000000100001'"
    assert api.credit(shop) == EMPTY


GIFT = """mutation G($input: GiftCardCreateInput!) { giftCardCreate(input: $input) {
  giftCard { id maskedCode initialValue { amount currencyCode } balance { amount currencyCode }
             expiresOn customer { id } }
  giftCardCode userErrors { field message code } } }"""


def test_gift_card_create(api, shop, token):
    customer_gid = f"gid://shopify/Customer/{_customer(api, shop)['id']}"
    card_input = {
        "initialValue": "25.00",
        "customerId": customer_gid,
        "note": "Sorry for the delay",
        "expiresOn": "2099-12-31",
    }

    payload = api.data(shop, token, GIFT, {"input": card_input})["giftCardCreate"]

    code = payload["giftCardCode"]
    assert payload["userErrors"] == []
    assert len(code) == 16
    assert payload["giftCard"]["maskedCode"] == f"•••• •••• •••• {code[-4:]}"
    assert payload["giftCard"]["initialValue"] == {"amount": "25.00", "currencyCode": "USD"}
    assert payload["giftCard"]["balance"] == {"amount": "25.00", "currencyCode": "USD"}
    assert payload["giftCard"]["expiresOn"] == "2099-12-31"
    assert payload["giftCard"]["customer"] == {"id": customer_gid}
    cards = api.credit(shop)["gift_cards"]
    assert [c["last_characters"] for c in cards] == [code[-4:]]
    assert code not in str(cards)


@pytest.mark.parametrize(
    ("card_input", "expected"),
    [
        (
            {"initialValue": "0"},
            {
                "field": ["input", "initialValue"],
                "code": "GREATER_THAN",
                "message": "Initial value must be greater than 0",
            },
        ),
        (
            {"initialValue": "5", "customerId": "gid://shopify/Customer/9100000000199999"},
            {
                "field": ["input", "customerId"],
                "code": "CUSTOMER_NOT_FOUND",
                "message": "Customer does not exist",
            },
        ),
        (
            {"initialValue": "5", "expiresOn": "2001-01-01"},
            {
                "field": ["input", "expiresOn"],
                "code": "INVALID",
                "message": "Expires on must be in the future",
            },
        ),
        (
            {"initialValue": "5", "code": "abc"},
            {
                "field": ["input", "code"],
                "code": "INVALID",
                "message": "Code must be 8 to 20 letters or digits",
            },
        ),
    ],
)
def test_gift_card_user_errors_change_nothing(api, shop, token, card_input, expected):
    payload = api.data(shop, token, GIFT, {"input": card_input})["giftCardCreate"]

    assert payload == {"giftCard": None, "giftCardCode": None, "userErrors": [expected]}
    assert api.credit(shop) == EMPTY


def test_a_gift_card_code_cannot_be_taken_twice(api, shop, token):
    card_input = {"initialValue": "5", "code": "HELLO12345"}
    api.data(shop, token, GIFT, {"input": card_input})
    before = api.credit(shop)

    again = api.data(shop, token, GIFT, {"input": card_input})["giftCardCreate"]

    assert again["userErrors"] == [
        {"field": ["input", "code"], "code": "TAKEN", "message": "Code has already been taken"}
    ]
    assert api.credit(shop) == before

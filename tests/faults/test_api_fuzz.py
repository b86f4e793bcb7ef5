"""Both public APIs fuzzed from their own OpenAPI schema (schemathesis + Hypothesis): every admin
operation with a valid session token of an installed shop, every widget operation with a valid
app-proxy signature and visitor token. The app is called in-process through Django's WSGI handler,
on the real PostgreSQL and Redis; Shopify is the dev store. Every answer must be documented: no 5xx,
a status code the schema lists, and a body that matches the schema for it.

Generated ids are mixed with the ids of a seeded world (a conversation with messages, a template,
an FAQ entry, a grant waiting for approval...), so the fuzzer reaches the code past the 404s. Each
example runs in a savepoint that is rolled back and with the abuse-limit counters cleared, so every
example meets the same world. ``make test`` runs a few examples per operation; ``make chaos`` many.
"""
import time
from contextlib import contextmanager
from urllib.parse import parse_qsl

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from support import ratelimits
from tests.conftest import DEMO_SHOP
from tests.factories import (
    ConversationFactory,
    CreditGrantFactory,
    DataExportFactory,
    FaqEntryFactory,
    FollowUpFactory,
    MessageFactory,
    ReplyTextFactory,
    TemplateFactory,
    WebhookDeliveryFactory,
)
from tests.support.api.test_widget import proxy_query

APP = WSGIHandler()
SCHEMA = schemathesis.openapi.from_wsgi("/api/schema/", APP)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
ADMIN = [operation for operation in OPERATIONS if operation.path.startswith("/api/admin/")]
WIDGET = [operation for operation in OPERATIONS if operation.path.startswith("/api/widget/")]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
FAST_EXAMPLES, LONG_EXAMPLES = 6, 150


def test_the_schema_lists_both_apis():
    assert (len(ADMIN), len(WIDGET)) == (61, 10)


@contextmanager
def in_process():
    """Django's WSGI handler inside the test's transaction: the per-request connection clean-up is
    switched off as Django's own test client does (it would close the test's connection), and the
    request runs in a savepoint rolled back afterwards."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        with transaction.atomic():
            yield APP
            transaction.set_rollback(True)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def world(installed_shop, owner_id, session_token, redis_client):
    """The seeded shop's objects whose ids the fuzzer mixes in, the credentials of both APIs, and the
    shopper's conversation started through the widget API itself."""
    shop = installed_shop
    conversation = ConversationFactory(shop=shop)
    first = MessageFactory(conversation=conversation)
    MessageFactory(conversation=conversation, kind="agent", body="Your parcel left the warehouse.")
    template = TemplateFactory(shop=shop)
    started = _widget_start()
    ids = {
        "conversation_id": [conversation.pk, started["conversation"]["id"]],
        "template_id": [template.pk],
        "entry_id": [FaqEntryFactory(shop=shop).pk],
        "grant_id": [CreditGrantFactory(shop=shop, state="pending_approval").pk],
        "export_id": [DataExportFactory(shop=shop).pk],
        "delivery_id": [WebhookDeliveryFactory(shop_domain=shop.domain, status="failed").pk],
        "followup_id": [FollowUpFactory(shop=shop, conversation=conversation, kind="send_later",
                                        data={"body": "Checking in", "client_id": "s1"}).pk],
        "key": [ReplyTextFactory(shop=shop).key],
        "language": ["de", "en"],
    }
    query_ids = {"after": [first.pk], "conversation": [conversation.pk]}
    return {"ids": ids, "query_ids": query_ids, "owner_token": lambda: session_token(DEMO_SHOP, owner_id),
            "visitor_token": started["visitor_token"], "redis": redis_client}


def _widget_start():
    from django.test import Client

    response = Client().post(f"/api/widget/conversations?{proxy_query(shop=DEMO_SHOP)}", {"name": "Ana Souza"},
                             content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json()


def _wire_value(value):
    """A query value as it travels (the signature covers the text the server reads)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)


def _signed_widget_query(query: dict) -> dict:
    """The generated query, flattened to single strings and signed as Shopify's app proxy does."""
    own = {name: _wire_value(value[0] if isinstance(value, list) and value else value)
           for name, value in (query or {}).items()
           if name not in {"shop", "path_prefix", "timestamp", "logged_in_customer_id", "signature"}}
    return dict(parse_qsl(proxy_query(shop=DEMO_SHOP, timestamp=int(time.time()), **own), keep_blank_values=True))


def fuzz(operation, world, examples):
    """Run ``examples`` generated cases (positive and negative) against ``operation``."""
    known = {name: st.sampled_from(values) for name, values in world["ids"].items()}
    known_query = {name: st.sampled_from(values) for name, values in world["query_ids"].items()}

    @settings(max_examples=examples, deadline=None, database=None, derandomize=examples <= FAST_EXAMPLES,
              suppress_health_check=list(HealthCheck))
    @given(case=st.one_of(operation.as_strategy(GenerationMode.POSITIVE),
                          operation.as_strategy(GenerationMode.NEGATIVE)),
           data=st.data())
    def run(case, data):
        for name in list(case.path_parameters or {}):
            if name in known and data.draw(st.booleans(), label=f"known {name}"):
                case.path_parameters[name] = data.draw(known[name], label=name)
        for name in list(case.query or {}):
            if name in known_query and data.draw(st.booleans(), label=f"known {name}"):
                case.query[name] = data.draw(known_query[name], label=name)
        headers = {}
        if operation.path.startswith("/api/admin/"):
            headers["Authorization"] = f"Bearer {world['owner_token']()}"
        else:
            headers["X-Visitor-Token"] = world["visitor_token"]
            case.query = _signed_widget_query(case.query)
        for key in world["redis"].scan_iter("rl:*"):
            world["redis"].delete(key)
        with in_process() as app:
            response = case.call(headers=headers, app=app)
        case.validate_response(response, checks=CHECKS)

    run()


def _label(operation):
    return f"{operation.method.upper()} {operation.path}"


@pytest.mark.django_db
@pytest.mark.parametrize("operation", ADMIN + WIDGET, ids=_label)
def test_operation_answers_only_what_its_schema_documents(operation, world):
    fuzz(operation, world, FAST_EXAMPLES)


@pytest.mark.chaos
@pytest.mark.django_db
@pytest.mark.parametrize("operation", ADMIN + WIDGET, ids=_label)
def test_operation_answers_only_what_its_schema_documents_at_length(operation, world):
    fuzz(operation, world, LONG_EXAMPLES)


@pytest.mark.django_db
def test_the_widget_request_limit_answers_the_documented_429(world):
    """The limits the fuzzer clears are documented answers: past the per-IP request limit the widget
    answers 429 in the schema's error shape, and the request before it was still served."""
    operation = SCHEMA["/api/widget/conversations/{conversation_id}/socket-token"]["POST"]
    conversation_id = world["ids"]["conversation_id"][1]

    def call():
        case = operation.Case(path_parameters={"conversation_id": conversation_id},
                              query=_signed_widget_query({}), headers={"X-Visitor-Token": world["visitor_token"]})
        with in_process() as app:
            response = case.call(app=app)
        case.validate_response(response, checks=CHECKS)
        return response

    served = [call().status_code for _ in range(ratelimits.REQUESTS_PER_IP.count)]
    refused = call()
    assert served == [200] * ratelimits.REQUESTS_PER_IP.count
    assert (refused.status_code, refused.json()["code"]) == (429, "requests_per_ip")

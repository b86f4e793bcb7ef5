"""A lost database connection answers 503 with a JSON reason and Retry-After, logged once with the
error's class only; any other exception is left to Django. (The live drop: tests/faults/test_database_drop.py.)"""
import json

import pytest
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.test import RequestFactory

from shopapp.database_unavailable import DatabaseUnavailableMiddleware


def never_called(request):
    raise AssertionError("the view already ran")


@pytest.mark.parametrize("error", [
    OperationalError("terminating connection due to administrator command host=db.internal password=hunter2"),
    InterfaceError("connection already closed"),
])
def test_a_lost_connection_answers_503_with_a_reason_and_is_logged_once_without_its_message(error, caplog):
    request = RequestFactory().post("/api/widget/conversations")

    response = DatabaseUnavailableMiddleware(never_called).process_exception(request, error)

    assert (response.status_code, response["Content-Type"], response["Retry-After"]) == (
        503, "application/json", "5")
    assert json.loads(response.content) == {"detail": "the database is unavailable, try again shortly",
                                            "code": "database_unavailable"}
    records = [r for r in caplog.records if r.name == "shopapp.database_unavailable"]
    assert [(r.getMessage(), r.levelname, r.path, r.error) for r in records] == [
        ("database.unavailable", "WARNING", "/api/widget/conversations", type(error).__name__)]
    assert "hunter2" not in caplog.text and "db.internal" not in caplog.text


@pytest.mark.parametrize("error", [ValueError("bad"), DatabaseError("other database error")])
def test_other_errors_are_left_to_django(error, caplog):
    request = RequestFactory().get("/healthz")

    assert DatabaseUnavailableMiddleware(never_called).process_exception(request, error) is None
    assert [r for r in caplog.records if r.name == "shopapp.database_unavailable"] == []


def test_the_middleware_is_installed():
    assert "shopapp.database_unavailable.DatabaseUnavailableMiddleware" in settings.MIDDLEWARE

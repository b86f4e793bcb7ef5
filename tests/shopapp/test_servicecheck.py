from django.conf import settings

from shopapp.servicecheck import problems


def test_real_services_answer():
    assert problems("postgres://postgres@127.0.0.1:5432/postgres", settings.REDIS_URL, env_names=("A", "B")) == []


def test_missing_services_are_named_with_the_command_that_starts_them():
    found = problems("postgres://postgres@127.0.0.1:1/x", "redis://127.0.0.1:2/0", env_names=("DB_URL", "RD_URL"))
    assert len(found) == 2
    assert found[0].startswith("PostgreSQL is not reachable at 127.0.0.1:1 ")
    assert "pg_ctlcluster" in found[0] and "DB_URL" in found[0]
    assert found[1].startswith("Redis is not reachable at redis://127.0.0.1:2/0 ")
    assert "--port 2 " in found[1] and "RD_URL" in found[1]

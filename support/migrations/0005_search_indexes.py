"""Indexes for the inbox search (PostgreSQL only; SQLite in ``make dev`` searches by scanning).

Django's ``icontains`` is ``UPPER(col::text) LIKE UPPER('%text%')`` and ``iexact`` is
``UPPER(col::text) = UPPER('text')`` on PostgreSQL, so the indexes are on those expressions: trigram
GIN indexes (``pg_trgm``, a trusted extension) for substrings of names and message text, b-trees
for exact e-mail addresses and order names."""
from django.db import migrations

INDEXES = {
    "support_message_body_trgm": 'support_message USING gin (UPPER("body"::text) gin_trgm_ops)',
    "support_customer_first_name_trgm": 'support_customer USING gin (UPPER("first_name"::text) gin_trgm_ops)',
    "support_customer_last_name_trgm": 'support_customer USING gin (UPPER("last_name"::text) gin_trgm_ops)',
    "support_customer_email_upper": 'support_customer ("shop_id", UPPER("email"::text))',
    "support_order_name_upper": 'support_order ("shop_id", UPPER("name"::text))',
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, target in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("support", "0004_attachments_read_rating_email")]
    operations = [migrations.RunPython(create, drop)]

"""Shared by migrations 0003 and 0004 (the leading underscore keeps Django from loading it as one)."""

# Payloads (3-6 KB of JSON) are compressed when stored; lz4 costs PostgreSQL less CPU per insert than
# the default pglz. A server built without lz4 keeps pglz (the DO block swallows only that error).
LZ4 = """
DO $$ BEGIN
    ALTER TABLE webhooks_webhookdelivery ALTER COLUMN payload SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
END $$;
"""


def payload_lz4(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(LZ4)

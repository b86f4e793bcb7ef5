from django.core.management import call_command


def test_openapi_schema_generates_without_warnings(tmp_path):
    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    text = (tmp_path / "schema.yml").read_text()
    for path in ["/api/admin/me", "/api/admin/conversations", "/api/admin/conversations/{conversation_id}/messages",
                 "/api/widget/conversations", "/api/widget/conversations/{conversation_id}/messages",
                 "/api/admin/privacy/exports", "/api/admin/webhooks/failed",
                 "/api/admin/conversations/{conversation_id}/attachments", "/api/admin/attachments/{attachment_id}",
                 "/api/widget/conversations/{conversation_id}/attachments", "/api/widget/attachments/{attachment_id}"]:
        assert f"  {path}:" in text

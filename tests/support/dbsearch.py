"""Search the whole test database for a string: every text, varchar and JSON column of every table
of the current schema. Used to prove that a redaction left no copy of a shopper's email or phone."""
from django.db import connection

TEXT_TYPES = ("text", "character varying", "character", "json", "jsonb")


def text_columns() -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.table_name, c.column_name
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.data_type = ANY(%s)
            ORDER BY c.table_name, c.column_name
            """,
            [list(TEXT_TYPES)],
        )
        return cursor.fetchall()


def _like_pattern(needle: str) -> str:
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def find_everywhere(needle: str) -> dict[str, int]:
    """``{"table.column": rows}`` for every column whose text holds ``needle`` (any case)."""
    quote = connection.ops.quote_name
    hits = {}
    with connection.cursor() as cursor:
        for table, column in text_columns():
            cursor.execute(
                f"SELECT count(*) FROM {quote(table)} WHERE {quote(column)}::text ILIKE %s",  # noqa: S608
                [_like_pattern(needle)],
            )
            count = cursor.fetchone()[0]
            if count:
                hits[f"{table}.{column}"] = count
    return hits

"""The store mirror's frequent writes, one SQL statement each (PostgreSQL), for ``actions/mirror``.

A row that is new, or a strictly newer version of a row with nothing else to decide, is written by
one ``INSERT ... ON CONFLICT (shop, shopify_id) DO UPDATE ... WHERE <guard> RETURNING``: the
out-of-order rule (stored ``shopify_updated_at`` is NULL or older) is that ``WHERE``. When the guard
holds the row back (not newer, redacted, a changed link) nothing is returned and the row stays
locked by the statement for the rest of the transaction, exactly as ``select_for_update`` locked it:
``mirror`` then reads it (``read``) and decides in Python. A row that many deliveries share (a
customer) is read first and written with a guarded ``UPDATE`` only when the rule says so
(``read_or_write``): it is not locked when nothing changes. Values go through each field's
``get_db_prep_save``, as the ORM's own writes do, and travel as parameters of prepared statements;
rows come back as model instances holding only the columns asked for (the others load on access,
as with ``.only()``).

``enabled()`` is False on other databases (SQLite in ``make dev``): ``mirror`` keeps its ORM path."""
from functools import cache

import psycopg
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import CharField, ForeignKey, IntegerField, Model, TextField
from django.utils import timezone

NEWER = "(t.shopify_updated_at IS NULL OR excluded.shopify_updated_at > t.shopify_updated_at)"


def _as_is(field) -> tuple[type, ...]:
    """Value types the field's ``get_db_prep_save`` returns unchanged (None too, for these fields):
    the row is built without three calls per column for them."""
    if isinstance(field, (CharField, TextField)):
        return (str, type(None))
    if isinstance(field, (IntegerField, ForeignKey)):
        return (int, type(None))
    return ()


def enabled() -> bool:
    return connection.vendor == "postgresql"


class Table:
    """One mirror model keyed by (shop, shopify_id). ``guard`` is the ``WHERE`` of a write to an
    existing row (``t`` is the stored row, ``excluded`` the proposed one); ``returning`` the attnames
    the caller reads."""

    def __init__(self, model: type[Model], *, returning: tuple[str, ...], guard: str = "", conflict_where: str = ""):
        meta = model._meta
        self.model, self.table, self.guard = model, meta.db_table, guard
        self.fields = [f for f in meta.concrete_fields if not f.primary_key]
        self._columns = [(f, _as_is(f)) for f in self.fields]
        self._by_attname = {f.attname: (f, as_is) for f, as_is in self._columns}
        wanted = {"id", "shop_id", "shopify_id", *returning}
        self.returned = [f.attname for f in meta.concrete_fields if f.attname in wanted]
        self.returned_columns = ", ".join(f"t.{meta.get_field(name).column}" for name in self.returned)
        self.conflict = f"(shop_id, shopify_id){conflict_where}"
        columns = [f.column for f in self.fields]
        self._insert_sql = (
            f"INSERT INTO {self.table} AS t ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
            f" ON CONFLICT {self.conflict}"
        )
        self._read_sql = (f"SELECT {self.returned_columns} FROM {self.table} AS t"  # noqa: S608
                          " WHERE t.shop_id = %s AND t.shopify_id = %s")

    def _check(self, names) -> None:
        unknown = set(names) - self._by_attname.keys()
        if unknown:
            raise TypeError(f"{self.model.__name__} has no field {sorted(unknown)}")

    def _values(self, values: dict, db) -> list:
        """The full row for an INSERT: the given values, ``auto_now``/``auto_now_add`` = now, else the
        field's default (the ORM's ``Model(...)`` then ``bulk_create``)."""
        self._check(values)
        now = timezone.now()
        row = []
        for field, as_is in self._columns:
            if field.attname in values:
                value = values[field.attname]
            elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                value = now
            else:
                value = field.get_default()
            row.append(value if type(value) in as_is else field.get_db_prep_save(value, db))
        return row

    def _instance(self, row) -> Model:
        return self.model.from_db(DEFAULT_DB_ALIAS, self.returned, row)

    def _one(self, sql: str, params: list, db=None) -> Model | None:
        # A server-binding cursor and a prepared statement: the values travel as parameters (Django's
        # cursors quote them into the SQL text) and each statement is parsed and planned once per
        # connection. Errors become Django's, as through its own cursors.
        db = db or connections[DEFAULT_DB_ALIAS]
        db.ensure_connection()
        with db.wrap_database_errors, psycopg.Cursor(db.connection) as cursor:
            cursor.execute(sql, params, prepare=True)
            row = cursor.fetchone()
        return None if row is None else self._instance(row)

    @cache  # noqa: B019 - one entry per set of record fields; the tables live as long as the process
    def _upsert_sql(self, updated: tuple[str, ...]) -> str:
        self._check(updated)
        columns = [self._by_attname[name][0].column for name in (*updated, "shopify_updated_at", "updated_at")]
        sets = ", ".join(f"{column} = excluded.{column}" for column in columns)
        return f"{self._insert_sql} DO UPDATE SET {sets} WHERE {self.guard} RETURNING {self.returned_columns}"

    def upsert(self, shop_id: int, shopify_id: int, fields: dict, updated_at, **links) -> Model | None:
        """Insert the row, or update it with ``fields`` + ``shopify_updated_at`` + ``updated_at`` where
        the guard allows. The row, or None when it exists and was held back (and is locked)."""
        values = {**fields, **links, "shop_id": shop_id, "shopify_id": shopify_id, "shopify_updated_at": updated_at}
        db = connections[DEFAULT_DB_ALIAS]  # not the ``connection`` proxy: one lookup, not one per field
        return self._one(self._upsert_sql(tuple(fields)), self._values(values, db), db)

    @cache  # noqa: B019 - as above
    def _update_sql(self, updated: tuple[str, ...]) -> str:
        self._check(updated)
        sets = ", ".join(f"{self._by_attname[name][0].column} = %s" for name in (*updated, "updated_at"))
        return (
            f"UPDATE {self.table} AS t SET {sets}, shopify_updated_at = excluded.shopify_updated_at"  # noqa: S608
            " FROM (SELECT %s::timestamptz AS shopify_updated_at) AS excluded"
            f" WHERE t.shop_id = %s AND t.shopify_id = %s AND {self.guard} RETURNING {self.returned_columns}"
        )

    def update(self, shop_id: int, shopify_id: int, fields: dict, updated_at) -> Model | None:
        """Update the row with ``fields`` + ``shopify_updated_at`` + ``updated_at`` where the guard
        allows: the row written (and locked), or None (missing, or held back: then no lock is taken)."""
        db = connections[DEFAULT_DB_ALIAS]
        sql = self._update_sql(tuple(fields))
        params = [value if type(value) in as_is else field.get_db_prep_save(value, db)
                  for (field, as_is), value in zip(
                      (self._by_attname[name] for name in (*fields, "updated_at")),
                      (*fields.values(), timezone.now()), strict=True)]
        return self._one(sql, [*params, updated_at, shop_id, shopify_id], db)

    def read(self, shop_id: int, shopify_id: int, *, lock: bool = False) -> Model | None:
        return self._one(self._read_sql + (" FOR UPDATE" if lock else ""), [shop_id, shopify_id])

    def insert_new(self, shop_id: int, shopify_id: int, **values) -> Model | None:
        """``INSERT ... ON CONFLICT DO NOTHING``: the new row, or None when it is already there."""
        db = connections[DEFAULT_DB_ALIAS]
        row = self._values({**values, "shop_id": shop_id, "shopify_id": shopify_id}, db)
        return self._one(f"{self._insert_sql} DO NOTHING RETURNING {self.returned_columns}", row, db)

    def locked(self, shop_id: int, shopify_id: int, **values) -> Model:
        """The row, locked for the rest of the transaction; inserted with ``values`` first if missing
        (a concurrent insert of the same row wins without an error, and is then read and locked)."""
        row = self.read(shop_id, shopify_id, lock=True)
        if row is None:
            row = self.insert_new(shop_id, shopify_id, **values) or self.read(shop_id, shopify_id, lock=True)
        return row

    def existing_or_new(self, shop_id: int, shopify_id: int, **values) -> tuple[Model, bool]:
        """``get_or_create`` without a lock or a savepoint: (row, created)."""
        row = self.read(shop_id, shopify_id)
        if row is not None:
            return row, False
        created = self.insert_new(shop_id, shopify_id, **values)
        return (created, True) if created is not None else (self.read(shop_id, shopify_id), False)

    def read_or_write(self, shop_id: int, shopify_id: int, fields: dict, updated_at, *, applies) -> Model:
        """A row shared by many deliveries (a customer), locked only when written: read it; when
        ``applies(row)`` (the guard, in Python) update it under the guard; insert it when missing.
        A row added or changed between the read and the write is read again."""
        for _ in range(3):
            row = self.read(shop_id, shopify_id)
            if row is None:
                row = self.insert_new(shop_id, shopify_id, shopify_updated_at=updated_at, **fields)
            elif applies(row):
                row = self.update(shop_id, shopify_id, fields, updated_at)
            else:
                return row
            if row is not None:
                return row
        raise RuntimeError(f"{self.model.__name__} {shopify_id} kept changing while it was written")

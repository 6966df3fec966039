"""Insert many plain rows at once, for the bulk loads of tens of thousands of rows (the gazetteer's names).

``bulk_create`` builds a model instance per row and prepares every value through its field (half a
minute per million values); rows that are already in database form (text, numbers, None, foreign key
ids) go through one ``executemany`` per batch instead, on SQLite and PostgreSQL alike. Model defaults,
``save()`` and signals do not apply: the caller gives every column it needs.
"""
from django.db import connections, router


def insert_rows(model, fields, rows, batch_size=5000):
    """Insert ``rows`` (tuples of values in the order of ``fields``, field names of ``model``); returns their count."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    rows = list(rows)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            cursor.executemany(sql, rows[start:start + batch_size])
    return len(rows)

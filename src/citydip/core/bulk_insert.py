"""Insert many plain rows at once, for the bulk loads of thousands of rows (the gazetteer's places and names).

``bulk_create`` builds a model instance per row and prepares every value through its field (seconds
for the gazetteer's 54,000 names); here the values of text, number and foreign-key columns go to the
database as they are and only the others (JSON, dates) through their field, with one ``executemany``
per batch, on SQLite and PostgreSQL alike. Model defaults, ``save()`` and signals do not apply: the
caller gives every column it needs.
"""
from django.db import connections, router

PLAIN = {"CharField", "TextField", "SlugField", "IntegerField", "BigIntegerField", "SmallIntegerField",
         "PositiveIntegerField", "PositiveBigIntegerField", "PositiveSmallIntegerField", "FloatField", "ForeignKey"}


def insert_rows(model, fields, rows, batch_size=5000):
    """Insert ``rows`` (tuples of values in the order of ``fields``, field names of ``model``); returns their count."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in fields]
    columns = ", ".join(quote(field.column) for field in fields)
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    prepared = [(i, field) for i, field in enumerate(fields) if field.get_internal_type() not in PLAIN]
    rows = list(rows)
    if prepared:
        rows = [list(row) for row in rows]
        for row in rows:
            for i, field in prepared:
                row[i] = field.get_db_prep_save(row[i], connection)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            cursor.executemany(sql, rows[start:start + batch_size])
    return len(rows)

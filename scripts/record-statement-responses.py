#!/usr/bin/env python3
"""Records what dbt's adapters report for statements (their AdapterResponse: `_message`, `code`,
`rows_affected`), for Tests/Fixtures/reference/statement-responses.json. The values are computed
the way dbt-postgres (psycopg2's statusmessage and rowcount) and dbt-sqlite (Python sqlite3's
rowcount, message 'OK') compute them, on a real server and a real SQLite database.
Usage: . scripts/postgres.sh start; python3 scripts/record-statement-responses.py; . scripts/postgres.sh stop
(in a venv with `pip install "dbt-postgres==1.9.*"`, which brings psycopg2)."""
import json
import os
import sqlite3

import psycopg2

# `{table}` is the scratch table (schema-qualified on PostgreSQL); `fetch` as statement(fetch_result=...).
STATEMENTS = [
    ("create table {table} (id integer, name text)", False),
    ("insert into {table} values (1, 'a'), (2, 'b'), (3, 'c')", False),
    ("update {table} set name = 'z' where id > 1", False),
    ("update {table} set name = 'y' where id > 10", False),
    ("delete from {table} where id = 3", False),
    ("select * from {table} order by id", True),
    ("select count(*) from {table}", False),
    ("drop table {table}", False),
]


def postgres_cases():
    connection = psycopg2.connect(host=os.environ["PGHOST"], port=os.environ["PGPORT"], user=os.environ["PGUSER"],
                                  password=os.environ.get("PGPASSWORD", ""), dbname=os.environ["PGDATABASE"])
    connection.autocommit = True
    cursor = connection.cursor()
    cursor.execute("create schema if not exists record_responses")
    cases = []
    for sql, fetch in STATEMENTS:
        cursor.execute(sql.format(table="record_responses.scratch"))
        message = str(cursor.statusmessage)
        code = " ".join(part for part in message.split() if not part.isdigit())
        cases.append({"adapter": "postgres", "sql": sql, "fetch": fetch,
                      "message": message, "code": code, "rows_affected": cursor.rowcount})
    cursor.execute("drop schema record_responses cascade")
    connection.close()
    return cases


def sqlite_cases():
    connection = sqlite3.connect(":memory:")
    cursor = connection.cursor()
    cases = []
    for sql, fetch in STATEMENTS:
        cursor.execute(sql.format(table="scratch"))
        cases.append({"adapter": "sqlite", "sql": sql, "fetch": fetch, "message": "OK", "code": None,
                      "rows_affected": cursor.rowcount})
    connection.close()
    return cases


def main():
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "reference", "statement-responses.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(postgres_cases() + sqlite_cases(), f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()

-- with --vars '{fail: true}' it reads a table that does not exist (a table: SQLite checks a view's names only when it is read)
{{ config(materialized='table') }}
{% if var('fail', false) %}select * from no_such_table{% else %}select 1 as id{% endif %}

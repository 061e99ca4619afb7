{# A schema name with a quote, a backtick and brackets; PostgreSQL also gets a backslash (SQLite keeps
   each schema in a file named after it, and refuses path separators). #}
{% macro odd_schema() %}{{ return('s"q`[x]' ~ ('\\' if target.type == 'postgres' else '')) }}{% endmacro %}

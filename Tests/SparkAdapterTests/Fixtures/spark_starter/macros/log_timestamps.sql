{# Zoned and plain timestamps as run_query hands them to a macro, the session in another time zone than the process. #}
{% macro log_timestamps() %}
  {% do run_query("set spark.sql.session.timeZone = America/New_York") %}
  {% set table = run_query("select timestamp'2024-03-10 01:30:00' as zoned, timestamp'2024-07-01 23:59:59.123456' as summer, "
                           ~ "timestamp_ntz'2024-03-10 01:30:00' as plain") %}
  {% for row in table.rows %}
    {% for value in row %}
      {{ log(table.column_names[loop.index0] ~ ': ' ~ value ~ ' (tzinfo ' ~ value.tzinfo ~ ')', info=True) }}
    {% endfor %}
  {% endfor %}
{% endmacro %}

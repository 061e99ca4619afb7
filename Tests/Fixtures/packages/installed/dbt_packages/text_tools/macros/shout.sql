{% macro shout(expression) %}upper({{ expression }}){% endmacro %}

{% macro query_comment(node) -%}
  run by {{ node.unique_id }} on {{ target.name }}
{%- endmacro %}

{% macro cents(column) %}({{ column }} * 100){% endmacro %}

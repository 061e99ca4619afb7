{% test positive(model, column_name, strict=true) %}
select * from {{ model }} where {{ column_name }} {{ '<=' if strict else '<' }} 0
{% endtest %}

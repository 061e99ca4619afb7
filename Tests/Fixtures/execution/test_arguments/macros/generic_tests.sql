{# `high + 0` fails unless `high` arrives as a number; `extra_columns` is a list whose items are rendered too. #}
{% test within(model, column_name, low, high, extra_columns) %}
select {{ column_name }}
from {{ model }}
where not ({{ column_name }} between {{ low }} and {{ high + 0 }})
{%- for extra in extra_columns %} or {{ extra }} is null{% endfor %}
{% endtest %}

{% test holds(model, expression) %}
select * from {{ model }} where not ({{ expression }})
{% endtest %}

{% test equals_value(model, column_name, value) %}
select * from {{ model }} where {{ column_name }} = {{ value }}
{% endtest %}

{% test no_rows_check(model) %}
select * from {{ model }} where 1 = 0
{% endtest %}

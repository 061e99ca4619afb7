{# A generic test judged by its own config(): the sum of the excesses, warned from 1, failed above 5. #}
{% test excess_over(model, column_name, ceiling) %}
{{ config(fail_calc='coalesce(sum(excess), 0)', warn_if='>= 1', error_if='> 5') }}
select {{ column_name }} - {{ ceiling }} as excess from {{ model }} where {{ column_name }} > {{ ceiling }}
{% endtest %}

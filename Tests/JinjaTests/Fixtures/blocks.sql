{% test positive_values(model, column_name) %}
    select * from {{ model }} where {{ column_name }} <= 0
{% endtest %}

{% materialization view_plus, adapter='sqlite' %}
    {{ return({'relations': []}) }}
{% endmaterialization %}

{% materialization table_plus, default %}
    create table x as select 1
{% endmaterialization %}

{% docs orders %}
Orders placed by **customers**.
{% enddocs %}

{% snapshot orders_snapshot %}
    {{ config(unique_key='id', strategy='timestamp') }}
    select * from {{ source('shop', 'orders') }}
{% endsnapshot %}

{% macro helper() %}ok{% endmacro %}

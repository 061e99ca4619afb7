{% snapshot orders_snapshot %}
{{ config(unique_key='id', strategy='check', check_cols='all', target_schema='main') }}
select * from {{ ref('orders') }}
{% endsnapshot %}

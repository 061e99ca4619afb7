{% snapshot ts_composite %}
    {{ config(strategy='timestamp', updated_at='updated_at', unique_key=['id', 'k2'], hard_deletes='invalidate',
              dbt_valid_to_current=("cast('9999-12-31' as timestamp)" if target.type == 'postgres' else "'9999-12-31 00:00:00'")) }}
    select id, k2, name, updated_at from {{ ref('items') }}
{% endsnapshot %}

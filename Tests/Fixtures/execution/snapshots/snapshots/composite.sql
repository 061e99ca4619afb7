{% snapshot ts_composite %}
    {{ config(strategy='timestamp', updated_at='updated_at', unique_key=['id', 'k2'], hard_deletes='invalidate',
              dbt_valid_to_current=("cast('9999-12-31' as timestamp)" if target.type == 'postgres' else "'9999-12-31 00:00:00'")) }}
    select id, k2, name, updated_at from {{ ref('items') }}
{% endsnapshot %}

{% snapshot ts_renamed %}
    {{ config(strategy='timestamp', updated_at='updated_at', hard_deletes='invalidate',
              snapshot_meta_column_names={'dbt_valid_from': 'valid_from', 'dbt_valid_to': 'valid_to', 'dbt_scd_id': 'scd_id',
                                          'dbt_updated_at': 'snapshotted_at', 'dbt_is_deleted': 'is_deleted'}) }}
    select id, name, updated_at from {{ ref('items') }}
{% endsnapshot %}

{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='occurred_at',
          batch_size='day', begin='2024-01-01', unique_key='id') }}
{#- dbt-sqlite fails a hook run outside the transaction ("cannot commit - no transaction is active"). -#}
{% if target.type == 'postgres' %}
{{ config(post_hook={'sql': "insert into {{ target.schema }}.hook_log select count(*), 'post after commit', '{{ model.batch.id }}' from {{ target.schema }}.hook_log", 'transaction': false}) }}
{% endif %}
-- The batch named by the `fail_batch` var reads a table that does not exist.
select id, occurred_at, amount
from {{ ref('events') }}
{% if model.batch and model.batch.id == var('fail_batch', 'none') %}
where id in (select id from {{ target.schema }}.missing_table)
{% endif %}

{#- SQLite's variants of the snapshot helpers (snapshot.sql), to dbt-sqlite 1.10's behaviour. -#}

{#- The hash as dbt-sqlite writes it, `hex()` of the digest that SQLean's crypto extension's `md5` returns:
    32 upper-case hex digits (swiftdbt's own `md5` gives the digest's lower-case hex digits). -#}
{% macro sqlite__snapshot_hash_arguments(args) -%}
    upper(md5({{ snapshot_hash_input(args) }}))
{%- endmacro %}

{% macro sqlite__snapshot_get_time() -%}
    datetime()
{%- endmacro %}

{#- As dbt-sqlite folds changes in: only `update` rows end a version, and only one whose `dbt_valid_to` is
    null, so on SQLite a row gone from the query keeps its current version (`invalidate` adds nothing, and
    `new_record` adds its deleted record beside it), and with `dbt_valid_to_current` no version ends. -#}
{% macro sqlite__snapshot_merge_sql(target, source, insert_cols) -%}
    {%- set names = snapshot_meta_columns() -%}
update {{ target }}
set {{ names.dbt_valid_to }} = (
    select dbt_internal_source.{{ names.dbt_valid_to }}
    from {{ source }} as dbt_internal_source
    where dbt_internal_source.{{ names.dbt_scd_id }} = {{ target }}.{{ names.dbt_scd_id }}
      and dbt_internal_source.dbt_change_type = 'update'
)
where {{ names.dbt_valid_to }} is null;

{{ snapshot_insert_changes(target, source, insert_cols) }}
{%- endmacro %}

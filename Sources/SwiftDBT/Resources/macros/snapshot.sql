{#- The `snapshot` materialization and what it builds with, written to the behaviour of dbt-core 1.10's: a
    table of every version of the rows of a query, each with the time it became valid and the time it
    stopped being so. The first run keeps the query's rows; later runs stage what changed (new rows,
    changed rows, rows gone from the query) and fold it in. Helpers a project may replace keep dbt's names
    (`snapshot_<name>_strategy`, `snapshot_hash_arguments`, `snapshot_get_time`, `snapshot_merge_sql`,
    `snapshot_staging_table`, `build_snapshot_table`). Adapter variants: snapshot_sqlite.sql,
    snapshot_postgres.sql. -#}

{% materialization snapshot, default %}
    {%- set existing = load_relation(this) -%}
    {%- if existing is not none and not existing.is_table -%}
        {{ exceptions.raise_compiler_error("snapshot " ~ this ~ " cannot be built: a " ~ existing.type ~ " of that name exists, and a snapshot is a table") }}
    {%- endif -%}
    {%- set target_relation = this.incorporate(type='table') -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {%- set strategy = snapshot_strategy_macro(config.get('strategy'))(model, "snapshotted_data", "source_data", model['config'], existing is not none) -%}

    {%- if existing is none -%}
        {%- set final_sql = create_table_as(False, target_relation, build_snapshot_table(strategy, sql)) -%}
    {%- else -%}
        {%- set staging = make_intermediate_relation(target_relation) -%}
        {%- do drop_relation_if_exists(load_relation(staging)) -%}
        {%- call statement('build_snapshot_staging_relation') -%}
            {{ create_table_as(False, staging, snapshot_staging_table(strategy, sql, target_relation)) }}
        {%- endcall -%}
        {%- set bookkeeping = ['dbt_change_type', 'DBT_CHANGE_TYPE', 'dbt_unique_key', 'DBT_UNIQUE_KEY'] -%}
        {%- for key in snapshot_key_list(strategy.unique_key) -%}
            {%- do bookkeeping.extend(['dbt_unique_key_' ~ loop.index, 'DBT_UNIQUE_KEY_' ~ loop.index]) -%}
        {%- endfor -%}
        {%- for column in adapter.get_missing_columns(staging, target_relation) if column.name not in bookkeeping -%}
            {%- call statement() -%}
                alter table {{ target_relation }} add column {{ adapter.quote(column.name) }} {{ column.data_type }}
            {%- endcall -%}
        {%- endfor -%}
        {%- set insert_columns = [] -%}
        {%- for column in adapter.get_columns_in_relation(staging) if column.name not in bookkeeping -%}
            {%- do insert_columns.append(adapter.quote(column.name)) -%}
        {%- endfor -%}
        {%- set final_sql = snapshot_merge_sql(target_relation, staging, insert_columns) -%}
    {%- endif -%}

    {%- call statement('main') -%}
        {{ final_sql }}
    {%- endcall -%}

    {%- if staging is defined -%}
        {%- do adapter.drop_relation(staging) -%}
    {%- endif -%}

    {#- As dbt: the `grants` config (what an existing table's config no longer lists revoked) and `persist_docs`,
        in the snapshot's transaction. -#}
    {%- do apply_grants(target_relation, config.get('grants'), should_revoke=existing is not none) -%}
    {%- do persist_docs(target_relation, model) -%}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

{#- The names of the columns a snapshot adds: dbt's, or those `snapshot_meta_column_names` sets. -#}
{% macro snapshot_meta_columns() -%}
    {%- set chosen = config.get('snapshot_meta_column_names') or {} -%}
    {%- set names = {} -%}
    {%- for column in ['dbt_valid_from', 'dbt_valid_to', 'dbt_scd_id', 'dbt_updated_at', 'dbt_is_deleted'] -%}
        {%- do names.update({column: chosen.get(column) or column}) -%}
    {%- endfor -%}
    {{ return(names) }}
{%- endmacro %}

{#- dbt's name for the same, which strategy macros written for dbt call. -#}
{% macro get_snapshot_table_column_names() -%}
    {{ return(snapshot_meta_columns()) }}
{%- endmacro %}

{#- A unique key as a list: one column, or the columns of a list. -#}
{% macro snapshot_key_list(unique_key) -%}
    {{ return([unique_key] if unique_key is string else unique_key | list) }}
{%- endmacro %}

{#- The macro `snapshot_<name>_strategy` (`package.name` names one of a package). -#}
{% macro snapshot_strategy_macro(name) -%}
    {%- set parts = name.split('.', 1) -%}
    {%- set macro_name = 'snapshot_' ~ parts[-1] ~ '_strategy' -%}
    {%- if parts | length == 1 -%}
        {%- set found = context.get(macro_name) -%}
    {%- else -%}
        {%- set package = context.get(parts[0]) -%}
        {%- set found = package[macro_name] if package is not none else none -%}
    {%- endif -%}
    {%- if not found -%}
        {{ exceptions.raise_compiler_error("snapshot strategy '" ~ name ~ "' has no macro " ~ macro_name) }}
    {%- endif -%}
    {{ return(found) }}
{%- endmacro %}

{#- An expression hashing `args` (SQL expressions): a row version's `dbt_scd_id`. -#}
{% macro snapshot_hash_arguments(args) -%}
    {{ adapter.dispatch('snapshot_hash_arguments', 'dbt')(args) }}
{%- endmacro %}

{% macro default__snapshot_hash_arguments(args) -%}
    md5({{ snapshot_hash_input(args) }})
{%- endmacro %}

{#- The text a row version's hash is taken of: each argument as text (null as empty), joined by `|`. -#}
{% macro snapshot_hash_input(args) -%}
    {%- for arg in args -%}
        coalesce(cast({{ arg }} as varchar), ''){% if not loop.last %} || '|' || {% endif %}
    {%- endfor -%}
{%- endmacro %}

{#- The time of this run, as the database writes it. -#}
{% macro snapshot_get_time() -%}
    {{ adapter.dispatch('snapshot_get_time', 'dbt')() }}
{%- endmacro %}

{% macro default__snapshot_get_time() -%}
    {{ current_timestamp() }}
{%- endmacro %}

{#- `timestamp`: a row changed when its `updated_at` is later than the current version's start. -#}
{% macro snapshot_timestamp_strategy(node, snapshotted_rel, current_rel, model_config, target_exists) -%}
    {%- set names = snapshot_meta_columns() -%}
    {%- set unique_key = config.get('unique_key') -%}
    {%- set updated_at = config.get('updated_at') -%}
    {%- set hard_deletes = adapter.get_hard_deletes_behavior(config) -%}
    {%- set row_changed -%}
        ({{ snapshotted_rel }}.{{ names.dbt_valid_from }} < {{ current_rel }}.{{ updated_at }})
    {%- endset -%}
    {{ return({'unique_key': unique_key, 'updated_at': updated_at, 'row_changed': row_changed,
               'scd_id': snapshot_hash_arguments(snapshot_key_list(unique_key) + [updated_at]),
               'invalidate_hard_deletes': hard_deletes == 'invalidate', 'hard_deletes': hard_deletes}) }}
{%- endmacro %}

{#- `check`: a row changed when one of `check_cols` (or of all its columns) differs, nulls included; a
    column the snapshot table lacks counts as a change of every row. Versions start at the run's time. -#}
{% macro snapshot_check_strategy(node, snapshotted_rel, current_rel, model_config, target_exists) -%}
    {%- set unique_key = config.get('unique_key') -%}
    {%- set updated_at = config.get('updated_at') or snapshot_get_time() -%}
    {%- set hard_deletes = adapter.get_hard_deletes_behavior(config) -%}
    {%- set column_added, compared = snapshot_check_columns(node, target_exists, config.get('check_cols')) -%}
    {%- set row_changed -%}
        ({%- if column_added -%}
            TRUE
        {%- else -%}
            {%- for column in compared -%}
                {%- set before = snapshotted_rel ~ '.' ~ column -%}
                {%- set now = current_rel ~ '.' ~ column -%}
                {{ before }} != {{ now }} or (({{ before }} is null) and not ({{ now }} is null)) or ((not {{ before }} is null) and ({{ now }} is null))
                {%- if not loop.last %} or {% endif -%}
            {%- endfor -%}
        {%- endif -%})
    {%- endset -%}
    {{ return({'unique_key': unique_key, 'updated_at': updated_at, 'row_changed': row_changed,
               'scd_id': snapshot_hash_arguments(snapshot_key_list(unique_key) + [updated_at]),
               'invalidate_hard_deletes': hard_deletes == 'invalidate', 'hard_deletes': hard_deletes}) }}
{%- endmacro %}

{#- For `check`: whether the query has a column the snapshot table lacks, and the checked columns the
    table has (quoted). `check_cols` is `all` or a list of column expressions. -#}
{% macro snapshot_check_columns(node, target_exists, check_cols) -%}
    {%- if not target_exists -%}
        {{ return((false, [])) }}
    {%- endif -%}
    {%- set query = node.get('compiled_code') or sql -%}
    {%- if check_cols == 'all' -%}
        {%- set probe = query -%}
    {%- else -%}
        {%- set probe = 'select ' ~ (check_cols | join(', ')) ~ ' from (\n' ~ query ~ '\n) as dbt_check_columns' -%}
    {%- endif -%}
    {%- set query_columns = run_query('select * from (\n' ~ probe ~ '\n) as dbt_query_columns where 1 = 0').column_names -%}
    {%- set existing = adapter.get_columns_in_relation(this) | map(attribute='name') | list -%}
    {%- set found = namespace(added=false, columns=[]) -%}
    {%- for column in query_columns -%}
        {%- if column in existing -%}
            {%- set found.columns = found.columns + [adapter.quote(column)] -%}
        {%- else -%}
            {%- set found.added = true -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return((found.added, found.columns)) }}
{%- endmacro %}

{#- `dbt_valid_to` of a current row: null, or the `dbt_valid_to_current` expression (typed like `updated_at`). -#}
{% macro snapshot_valid_to_current(strategy, names) -%}
    coalesce(nullif({{ strategy.updated_at }}, {{ strategy.updated_at }}), {{ config.get('dbt_valid_to_current') or 'null' }}) as {{ names.dbt_valid_to }}
{%- endmacro %}

{#- Whether a snapshot row is current. -#}
{% macro snapshot_is_current(column) -%}
    {%- if config.get('dbt_valid_to_current') -%}
        ({{ column }} = {{ config.get('dbt_valid_to_current') }} or {{ column }} is null)
    {%- else -%}
        {{ column }} is null
    {%- endif -%}
{%- endmacro %}

{#- The first run's rows: the query's, each a current version. -#}
{% macro build_snapshot_table(strategy, sql) -%}
    {{ adapter.dispatch('build_snapshot_table', 'dbt')(strategy, sql) }}
{%- endmacro %}

{% macro default__build_snapshot_table(strategy, sql) -%}
    {%- set names = snapshot_meta_columns() -%}
select *,
    {{ strategy.scd_id }} as {{ names.dbt_scd_id }},
    {{ strategy.updated_at }} as {{ names.dbt_updated_at }},
    {{ strategy.updated_at }} as {{ names.dbt_valid_from }},
    {{ snapshot_valid_to_current(strategy, names) }}
    {%- if strategy.hard_deletes == 'new_record' %},
    'False' as {{ names.dbt_is_deleted }}
    {%- endif %}
from (
{{ sql }}
) as dbt_snapshot_query
{%- endmacro %}

{#- The unique key of `relation`'s rows as `dbt_unique_key` (or `dbt_unique_key_1`, ... for a list), and
    the conditions on it. -#}
{% macro snapshot_key_columns(unique_key, relation='') -%}
    {%- set keys = snapshot_key_list(unique_key) -%}
    {%- for key in keys -%}
        {{ relation ~ '.' if relation }}{{ key }} as dbt_unique_key{{ '_' ~ loop.index if unique_key is not string }}{{ ', ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}

{% macro snapshot_keys_match(unique_key, left, right) -%}
    {%- if unique_key is string -%}
        {{ left }}.dbt_unique_key = {{ right }}.dbt_unique_key
    {%- else -%}
        {%- for key in unique_key -%}
            {{ left }}.dbt_unique_key_{{ loop.index }} = {{ right }}.dbt_unique_key_{{ loop.index }}{{ ' and ' if not loop.last }}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}

{% macro snapshot_key_is_null(unique_key, relation, negated=false) -%}
    {{ relation }}.dbt_unique_key{{ '_1' if unique_key is not string }} is {{ 'not ' if negated }}null
{%- endmacro %}

{#- What changed since the last run, one row per change: `insert` (a new row, or a changed row's new
    version, or with `new_record` a deleted row's record), `update` (a current version that ends), `delete`
    (a current version whose row is gone, for `invalidate` and `new_record`). -#}
{% macro snapshot_staging_table(strategy, source_sql, target_relation) -%}
    {{ adapter.dispatch('snapshot_staging_table', 'dbt')(strategy, source_sql, target_relation) }}
{%- endmacro %}

{% macro default__snapshot_staging_table(strategy, source_sql, target_relation) -%}
    {%- set names = snapshot_meta_columns() -%}
    {%- set key = strategy.unique_key -%}
    {%- set new_record = strategy.hard_deletes == 'new_record' -%}
    {%- set tracks_deletes = new_record or strategy.hard_deletes == 'invalidate' -%}
    {%- set now = snapshot_get_time() -%}
    {%- set changed -%}
        {{ strategy.row_changed }}{% if new_record %} or snapshotted_data.{{ names.dbt_is_deleted }} = 'True'{% endif %}
    {%- endset -%}
with snapshot_query as (
{{ source_sql }}
),
snapshotted_data as (
    select *, {{ snapshot_key_columns(key) }}
    from {{ target_relation }}
    where {{ snapshot_is_current(names.dbt_valid_to) }}
),
insertions_source_data as (
    select *, {{ snapshot_key_columns(key) }},
        {{ strategy.updated_at }} as {{ names.dbt_updated_at }},
        {{ strategy.updated_at }} as {{ names.dbt_valid_from }},
        {{ snapshot_valid_to_current(strategy, names) }},
        {{ strategy.scd_id }} as {{ names.dbt_scd_id }}
    from snapshot_query
),
updates_source_data as (
    select *, {{ snapshot_key_columns(key) }},
        {{ strategy.updated_at }} as {{ names.dbt_updated_at }},
        {{ strategy.updated_at }} as {{ names.dbt_valid_from }},
        {{ strategy.updated_at }} as {{ names.dbt_valid_to }}
    from snapshot_query
),
{%- if tracks_deletes %}
deletes_source_data as (
    select *, {{ snapshot_key_columns(key) }}
    from snapshot_query
),
{%- endif %}
insertions as (
    select 'insert' as dbt_change_type, source_data.*{% if new_record %}, 'False' as {{ names.dbt_is_deleted }}{% endif %}
    from insertions_source_data as source_data
    left outer join snapshotted_data on {{ snapshot_keys_match(key, 'snapshotted_data', 'source_data') }}
    where {{ snapshot_key_is_null(key, 'snapshotted_data') }}
       or ({{ snapshot_key_is_null(key, 'snapshotted_data', negated=true) }} and ({{ changed }}))
),
updates as (
    select 'update' as dbt_change_type, source_data.*, snapshotted_data.{{ names.dbt_scd_id }}
        {%- if new_record %}, snapshotted_data.{{ names.dbt_is_deleted }}{% endif %}
    from updates_source_data as source_data
    join snapshotted_data on {{ snapshot_keys_match(key, 'snapshotted_data', 'source_data') }}
    where ({{ changed }})
)
{%- if tracks_deletes %},
deletes as (
    select 'delete' as dbt_change_type, source_data.*,
        {{ now }} as {{ names.dbt_valid_from }},
        {{ now }} as {{ names.dbt_updated_at }},
        {{ now }} as {{ names.dbt_valid_to }},
        snapshotted_data.{{ names.dbt_scd_id }}
        {%- if new_record %}, snapshotted_data.{{ names.dbt_is_deleted }}{% endif %}
    from snapshotted_data
    left join deletes_source_data as source_data on {{ snapshot_keys_match(key, 'snapshotted_data', 'source_data') }}
    where {{ snapshot_key_is_null(key, 'source_data') }}
    {%- if new_record %}
      and not (snapshotted_data.{{ names.dbt_is_deleted }} = 'True' and snapshotted_data.{{ names.dbt_valid_to }} is null)
    {%- endif %}
)
{%- endif %}
{%- if new_record %}
    {%- set kept = adapter.get_columns_in_relation(target_relation) | map(attribute='name') | list -%}
    {%- set query_columns = run_query('select * from (\n' ~ source_sql ~ '\n) as dbt_query_columns where 1 = 0').column_names %},
deletion_records as (
    select 'insert' as dbt_change_type,
        {%- for column in query_columns %}
        {% if column in kept %}snapshotted_data.{{ adapter.quote(column) }}{% else %}null as {{ adapter.quote(column) }}{% endif %},
        {%- endfor %}
        {{ snapshot_key_columns(key, 'snapshotted_data') }},
        {{ now }} as {{ names.dbt_valid_from }},
        {{ now }} as {{ names.dbt_updated_at }},
        snapshotted_data.{{ names.dbt_valid_to }} as {{ names.dbt_valid_to }},
        {{ snapshot_hash_arguments([names.dbt_scd_id, now]) }} as {{ names.dbt_scd_id }},
        'True' as {{ names.dbt_is_deleted }}
    from snapshotted_data
    left join deletes_source_data as source_data on {{ snapshot_keys_match(key, 'snapshotted_data', 'source_data') }}
    where {{ snapshot_key_is_null(key, 'source_data') }}
      and not (snapshotted_data.{{ names.dbt_is_deleted }} = 'True' and snapshotted_data.{{ names.dbt_valid_to }} is null)
)
{%- endif %}
select * from insertions
union all
select * from updates
{%- if tracks_deletes %}
union all
select * from deletes
{%- endif %}
{%- if new_record %}
union all
select * from deletion_records
{%- endif %}
{%- endmacro %}

{#- Folds the staged changes into the snapshot: ends the versions of `update` and `delete` rows that are
    still current, and adds the `insert` rows (`insert_cols`, quoted). -#}
{% macro snapshot_merge_sql(target, source, insert_cols) -%}
    {{ adapter.dispatch('snapshot_merge_sql', 'dbt')(target, source, insert_cols) }}
{%- endmacro %}

{% macro default__snapshot_merge_sql(target, source, insert_cols) -%}
    {%- set names = snapshot_meta_columns() -%}
update {{ target }}
set {{ names.dbt_valid_to }} = dbt_internal_source.{{ names.dbt_valid_to }}
from {{ source }} as dbt_internal_source
where dbt_internal_source.{{ names.dbt_scd_id }} = {{ target }}.{{ names.dbt_scd_id }}
  and dbt_internal_source.dbt_change_type in ('update', 'delete')
  and {{ snapshot_is_current(target ~ '.' ~ names.dbt_valid_to) }};

{{ snapshot_insert_changes(target, source, insert_cols) }}
{%- endmacro %}

{% macro snapshot_insert_changes(target, source, insert_cols) -%}
insert into {{ target }} ({{ insert_cols | join(', ') }})
select {% for column in insert_cols %}dbt_internal_source.{{ column }}{{ ', ' if not loop.last }}{% endfor %}
from {{ source }} as dbt_internal_source
where dbt_internal_source.dbt_change_type = 'insert'
{%- endmacro %}

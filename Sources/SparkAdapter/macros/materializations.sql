{#- Spark's view, table and incremental materializations, to dbt-spark 1.11's behaviour except where a failure
    would lose the previous relation: a table is built beside the old one (`<name>__dbt_tmp`) and swapped in
    by renames, so a failing model leaves the old table in place. Configs: `file_format` (parquet unless
    set), `partition_by`, `clustered_by` + `buckets`, `location_root`, `tblproperties`, `persist_docs`, `grants`;
    incremental strategies `append` (the default) and `insert_overwrite`, with `on_schema_change`. -#}

{#- The configured file format, refused unless Spark knows it (dbt-spark's list and message). -#}
{% macro spark_file_format() -%}
    {%- set formats = ['text', 'csv', 'json', 'jdbc', 'parquet', 'orc', 'hive', 'delta', 'iceberg', 'libsvm', 'hudi'] -%}
    {%- set file_format = config.get('file_format', 'parquet') -%}
    {%- if file_format not in formats -%}
        {{ exceptions.raise_compiler_error("Invalid file format provided: " ~ file_format ~ "\n    Expected one of: " ~ formats | join(', ')) }}
    {%- endif -%}
    {{ return(file_format) }}
{%- endmacro %}

{#- A config naming one column or several, as a quoted, comma-separated list. -#}
{% macro spark_column_list(columns) -%}
    {%- set names = [columns] if columns is string else columns -%}
    {%- set quoted = [] -%}
    {%- for name in names -%}{%- do quoted.append(adapter.quote(name)) -%}{%- endfor -%}
    {{ return(quoted | join(', ')) }}
{%- endmacro %}

{#- ` comment '<description>'` when `persist_docs` asks for the relation's comment (written even when the model has no
    description, as dbt-spark writes it), nothing otherwise. -#}
{% macro spark_comment_clause() -%}
    {%- if (config.get('persist_docs') or {}).get('relation') -%}
        {{ return("\ncomment '" ~ escape_single_quotes(model.description or '') ~ "'") }}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}

{#- `create table` with the model's storage configs, in the order Spark's grammar takes them. -#}
{% macro spark_create_table(relation, sql) -%}
    {%- set file_format = spark_file_format() -%}
    {%- set partition_by = config.get('partition_by') -%}
    {%- set clustered_by = config.get('clustered_by') -%}
    {%- set buckets = config.get('buckets') -%}
    {%- set location_root = config.get('location_root') -%}
    {%- set tblproperties = config.get('tblproperties') -%}
create table {{ relation }}
{%- if file_format != 'hive' %}
using {{ file_format }}
{%- endif %}
{%- if partition_by %}
partitioned by ({{ spark_column_list(partition_by) }})
{%- endif %}
{%- if clustered_by and buckets is not none %}
clustered by ({{ spark_column_list(clustered_by) }}) into {{ buckets }} buckets
{%- endif %}
{%- if location_root %}
location '{{ escape_single_quotes(location_root ~ '/' ~ model['alias']) }}'
{%- endif %}
{%- if tblproperties %}
tblproperties ({% for key, value in tblproperties.items() %}'{{ escape_single_quotes(key) }}' = '{{ escape_single_quotes(value | string) }}'{% if not loop.last %}, {% endif %}{% endfor %})
{%- endif %}
{{- spark_comment_clause() }}
as
{{ sql }}
{%- endmacro %}

{#- Builds `target` as a table from `sql`, keeping `existing` (a table or a view, or none) until the new table
    is complete: under `<name>__dbt_tmp`, then the old relation renamed to `<name>__dbt_backup`, the new one
    renamed into place and the backup dropped. With `location_root` the table's folder is fixed, so the old
    relation is dropped and the table created in place. -#}
{% macro spark_build_table(target, existing, sql) -%}
    {%- if config.get('location_root') -%}
        {%- if existing is not none -%}{%- do adapter.drop_relation(existing) -%}{%- endif -%}
        {%- call statement('main') -%}{{ spark_create_table(target, sql) }}{%- endcall -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set intermediate = make_intermediate_relation(target) -%}
    {%- do adapter.drop_relation(intermediate) -%}
    {%- call statement('main') -%}{{ spark_create_table(intermediate, sql) }}{%- endcall -%}
    {%- if existing is not none -%}
        {%- set backup = make_backup_relation(target, existing.type) -%}
        {%- do adapter.drop_relation(backup) -%}
        {%- do adapter.rename_relation(existing, backup) -%}
        {%- do adapter.rename_relation(intermediate, target) -%}
        {%- do adapter.drop_relation(backup) -%}
    {%- else -%}
        {%- do adapter.rename_relation(intermediate, target) -%}
    {%- endif -%}
{%- endmacro %}

{% materialization view, adapter='spark' -%}
    {%- set target = this.incorporate(type='view') -%}
    {%- set existing = load_relation(this) -%}
    {{ run_hooks(pre_hooks) }}
    {%- if existing is none or existing.is_view -%}
        {%- call statement('main') -%}{{ get_create_view_as_sql(target, sql) }}{%- endcall -%}
    {%- else -%}
        {#- A table cannot be replaced by a view: the view is made beside it and swapped in. -#}
        {%- set intermediate = make_intermediate_relation(target) -%}
        {%- set backup = make_backup_relation(target, existing.type) -%}
        {%- do adapter.drop_relation(intermediate) -%}
        {%- call statement('main') -%}{{ get_create_view_as_sql(intermediate, sql) }}{%- endcall -%}
        {%- do adapter.drop_relation(backup) -%}
        {%- do adapter.rename_relation(existing, backup) -%}
        {%- do adapter.rename_relation(intermediate, target) -%}
        {%- do adapter.drop_relation(backup) -%}
    {%- endif -%}
    {%- do apply_grants(target, config.get('grants'), should_revoke(existing, full_refresh_mode=true)) -%}
    {{ run_hooks(post_hooks) }}
    {{ return({'relations': [target]}) }}
{%- endmaterialization %}

{% materialization table, adapter='spark' -%}
    {%- set target = this.incorporate(type='table') -%}
    {%- set existing = load_relation(this) -%}
    {{ run_hooks(pre_hooks) }}
    {%- do spark_build_table(target, existing, sql) -%}
    {%- do apply_grants(target, config.get('grants'), should_revoke(existing, full_refresh_mode=true)) -%}
    {{ run_hooks(post_hooks) }}
    {{ return({'relations': [target]}) }}
{%- endmaterialization %}

{#- The strategy, refused with dbt-spark's messages when unknown or when the file format cannot merge. -#}
{% macro spark_incremental_strategy(file_format) -%}
    {%- set strategy = config.get('incremental_strategy') or 'append' -%}
    {%- if strategy not in ['append', 'merge', 'insert_overwrite', 'microbatch'] -%}
        {{ exceptions.raise_compiler_error("Invalid incremental strategy provided: " ~ strategy ~ "\n    Expected one of: 'append', 'merge', 'insert_overwrite', 'microbatch'") }}
    {%- elif strategy == 'merge' and file_format not in ['delta', 'iceberg', 'hudi'] -%}
        {{ exceptions.raise_compiler_error("Invalid incremental strategy provided: " ~ strategy ~ "\n    You can only choose this strategy when file_format is set to 'delta' or 'iceberg' or 'hudi'") }}
    {%- elif strategy in ['merge', 'microbatch'] -%}
        {{ exceptions.raise_compiler_error("incremental strategy '" ~ strategy ~ "' is not supported by swiftdbt's spark adapter (append and insert_overwrite are)") }}
    {%- endif -%}
    {{ return(strategy) }}
{%- endmacro %}

{#- `insert into|overwrite table`, the source's columns in the target's order. -#}
{% macro spark_insert_sql(mode, target, source, partition_by=none) -%}
    {%- set columns = adapter.get_columns_in_relation(target) | map(attribute='quoted') | join(', ') -%}
insert {{ mode }} table {{ target }}
{%- if partition_by %} partition ({{ spark_column_list(partition_by) }}){% endif %}
select {{ columns }} from {{ source }}
{%- endmacro %}

{#- The insert_overwrite strategy (dbt's `get_incremental_<strategy>_sql` convention): with `partition_by`, only the
    partitions the new rows fall in are replaced (Spark's dynamic partition overwrite, set for the session). -#}
{% macro get_incremental_insert_overwrite_sql(arg_dict) -%}
    {%- set partition_by = config.get('partition_by') -%}
    {%- if partition_by -%}
        {%- call statement('partition_overwrite_mode') -%}set spark.sql.sources.partitionOverwriteMode = DYNAMIC{%- endcall -%}
    {%- endif -%}
    {{ return(spark_insert_sql('overwrite', arg_dict['target_relation'], arg_dict['temp_relation'], partition_by)) }}
{%- endmacro %}

{#- append: new rows added; insert_overwrite: the partitions the new rows fall in replaced (with `partition_by`),
    the whole table otherwise. The new rows come from a temporary view, in the table's column order, once
    `on_schema_change` has compared its columns with the table's (new columns added; a removed one refused, as
    Spark cannot drop it: spark__alter_relation_add_remove_columns). -#}
{% materialization incremental, adapter='spark' -%}
    {%- set file_format = spark_file_format() -%}
    {%- set strategy = spark_incremental_strategy(file_format) -%}
    {%- set on_schema_change = incremental_validate_on_schema_change(config.get('on_schema_change'), default='ignore') -%}
    {%- set target = this.incorporate(type='table') -%}
    {%- set existing = load_relation(this) -%}
    {{ run_hooks(pre_hooks) }}
    {%- if existing is none or existing.is_view or should_full_refresh() -%}
        {%- do spark_build_table(target, existing, sql) -%}
    {%- else -%}
        {%- set source = make_temp_relation(target).include(schema=false) -%}
        {%- call statement('create_tmp_relation') -%}{{ create_table_as(True, source, sql) }}{%- endcall -%}
        {%- do process_schema_changes(on_schema_change, source, target) -%}
        {%- set arguments = {'target_relation': target, 'temp_relation': source} -%}
        {%- if strategy == 'insert_overwrite' -%}
            {%- set insert = get_incremental_insert_overwrite_sql(arguments) -%}
        {%- else -%}
            {%- set insert = spark_insert_sql('into', target, source) -%}
        {%- endif -%}
        {%- call statement('main') -%}{{ insert }}{%- endcall -%}
        {%- call statement('drop_tmp_relation') -%}drop view if exists {{ source }}{%- endcall -%}
    {%- endif -%}
    {%- do apply_grants(target, config.get('grants'), should_revoke(existing, full_refresh_mode=false)) -%}
    {{ run_hooks(post_hooks) }}
    {{ return({'relations': [target]}) }}
{%- endmaterialization %}

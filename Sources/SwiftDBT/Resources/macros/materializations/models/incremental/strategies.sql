{#- The SQL of the built-in incremental strategies, as the incremental materialization asks for it:
    `get_incremental_<strategy>_sql(arg_dict)` (`delete+insert` is `get_incremental_delete_insert_sql`), with
    dbt's arg_dict: target_relation, temp_relation, unique_key, dest_columns, incremental_predicates.
    The runner writes the same statements in Swift (IncrementalSQL) while no project or package
    overrides any of these macros; IncrementalStrategyMacroTests checks both give the same SQL. -#}

{% macro get_incremental_append_sql(arg_dict) -%}
    {{ return(adapter.dispatch('get_incremental_append_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_append_sql(arg_dict) -%}
    {{ return(get_insert_into_sql(arg_dict['target_relation'], arg_dict['temp_relation'], arg_dict['dest_columns'])) }}
{%- endmacro %}

{% macro get_incremental_delete_insert_sql(arg_dict) -%}
    {{ return(adapter.dispatch('get_incremental_delete_insert_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_delete_insert_sql(arg_dict) -%}
    {{ return(get_delete_insert_merge_sql(arg_dict['target_relation'], arg_dict['temp_relation'], arg_dict['unique_key'],
                                          arg_dict['dest_columns'], arg_dict['incremental_predicates'])) }}
{%- endmacro %}

{% macro get_incremental_merge_sql(arg_dict) -%}
    {{ return(adapter.dispatch('get_incremental_merge_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_merge_sql(arg_dict) -%}
    {{ return(get_merge_sql(arg_dict['target_relation'], arg_dict['temp_relation'], arg_dict['unique_key'],
                            arg_dict['dest_columns'], arg_dict['incremental_predicates'])) }}
{%- endmacro %}

{#- No `incremental_strategy`: delete+insert with a unique_key, append without. -#}
{% macro get_incremental_default_sql(arg_dict) -%}
    {{ return(adapter.dispatch('get_incremental_default_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_default_sql(arg_dict) -%}
    {%- if arg_dict['unique_key'] -%}
        {{ return(get_incremental_delete_insert_sql(arg_dict)) }}
    {%- else -%}
        {{ return(get_incremental_append_sql(arg_dict)) }}
    {%- endif -%}
{%- endmacro %}

{#- A microbatch model's batch: each adapter says how it replaces a batch's rows (dbt-postgres merges on the
    unique_key); an adapter that says nothing has no microbatch strategy. The runner's Swift statements stand for
    it while no project or package overrides a strategy macro (Materializer+Microbatch). -#}
{% macro get_incremental_microbatch_sql(arg_dict) -%}
    {{ return(adapter.dispatch('get_incremental_microbatch_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_microbatch_sql(arg_dict) -%}
    {{ exceptions.raise_not_implemented('microbatch materialization strategy not implemented for adapter ' ~ adapter.type()) }}
{%- endmacro %}

{#- `insert into <target> (<columns>) select <columns> from <source>`. -#}
{% macro get_insert_into_sql(target_relation, temp_relation, dest_columns) -%}
    {%- set columns = get_quoted_csv(dest_columns | map(attribute='name')) -%}
    {{ return('insert into ' ~ target_relation ~ ' (' ~ columns ~ ') select ' ~ columns ~ ' from ' ~ temp_relation) }}
{%- endmacro %}

{#- Names quoted for the adapter, comma-separated. -#}
{% macro get_quoted_csv(column_names) -%}
    {%- set quoted = [] -%}
    {%- for name in column_names -%}
        {%- do quoted.append(adapter.quote(name)) -%}
    {%- endfor -%}
    {{ return(quoted | join(', ')) }}
{%- endmacro %}

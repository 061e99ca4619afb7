{#- The statements that fold a staged batch into an incremental table: delete+insert and merge. Several
    statements are separated by `;` and a line break. -#}

{#- A unique_key as a list: a string is one key, none is none. -#}
{% macro unique_key_list(unique_key) -%}
    {%- if unique_key is none -%}
        {{ return([]) }}
    {%- elif unique_key is string -%}
        {{ return([unique_key]) }}
    {%- else -%}
        {{ return(unique_key | list) }}
    {%- endif -%}
{%- endmacro %}

{#- incremental_predicates as a list of conditions. -#}
{% macro incremental_predicate_list(incremental_predicates) -%}
    {%- if incremental_predicates is none -%}
        {{ return([]) }}
    {%- elif incremental_predicates is string -%}
        {{ return([incremental_predicates]) }}
    {%- else -%}
        {{ return(incremental_predicates | list) }}
    {%- endif -%}
{%- endmacro %}

{#- Rows whose key is in the batch are deleted (within incremental_predicates), then the batch inserted;
    without a key, the batch is appended. -#}
{% macro get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
    {{ return(adapter.dispatch('get_delete_insert_merge_sql', 'dbt')(target, source, unique_key, dest_columns, incremental_predicates)) }}
{%- endmacro %}

{% macro default__get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
    {%- set keys = get_quoted_csv(unique_key_list(unique_key)) -%}
    {%- set insert = get_insert_into_sql(target, source, dest_columns) -%}
    {%- if not keys -%}
        {{ return(insert) }}
    {%- endif -%}
    {%- set conditions = ['(' ~ keys ~ ') in (select ' ~ keys ~ ' from ' ~ source ~ ')'] -%}
    {%- for predicate in incremental_predicate_list(incremental_predicates) -%}
        {%- do conditions.append('(' ~ predicate ~ ')') -%}
    {%- endfor -%}
    {{ return('delete from ' ~ target ~ ' as DBT_INTERNAL_DEST where ' ~ conditions | join(' and ') ~ ';\n' ~ insert) }}
{%- endmacro %}

{#- The columns a merge updates: merge_update_columns (those the table has), else every column but
    merge_exclude_columns. -#}
{% macro get_merge_update_columns(merge_update_columns, merge_exclude_columns, dest_columns) -%}
    {%- set names = dest_columns | map(attribute='name') | list -%}
    {%- set kept = [] -%}
    {%- if merge_update_columns is not none -%}
        {%- set lowered = names | map('lower') | list -%}
        {%- for name in ([merge_update_columns] if merge_update_columns is string else merge_update_columns) -%}
            {%- if name | lower in lowered -%}{%- do kept.append(name) -%}{%- endif -%}
        {%- endfor -%}
    {%- else -%}
        {%- set excluded = ([merge_exclude_columns] if merge_exclude_columns is string else (merge_exclude_columns or [])) | map('lower') | list -%}
        {%- for name in names -%}
            {%- if name | lower not in excluded -%}{%- do kept.append(name) -%}{%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(kept) }}
{%- endmacro %}

{#- What a merge is made of, for get_merge_sql and its adapter variants: the match condition (`on`: the keys,
    or `false` without one, and the predicates), the update assignments (none without a key), the quoted
    columns and the source's columns. -#}
{% macro get_merge_clauses(source, unique_key, dest_columns, incremental_predicates) -%}
    {%- set matches = [] -%}
    {%- for key in unique_key_list(unique_key) -%}
        {%- do matches.append('DBT_INTERNAL_SOURCE.' ~ adapter.quote(key) ~ ' = DBT_INTERNAL_DEST.' ~ adapter.quote(key)) -%}
    {%- endfor -%}
    {%- set keyed = matches | length > 0 -%}
    {%- if not keyed -%}{%- do matches.append('false') -%}{%- endif -%}
    {%- for predicate in incremental_predicate_list(incremental_predicates) -%}
        {%- do matches.append('(' ~ predicate ~ ')') -%}
    {%- endfor -%}
    {%- set assignments = [] -%}
    {%- if keyed -%}
        {%- for name in get_merge_update_columns(config.get('merge_update_columns'), config.get('merge_exclude_columns'), dest_columns) -%}
            {%- do assignments.append(adapter.quote(name) ~ ' = DBT_INTERNAL_SOURCE.' ~ adapter.quote(name)) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- set source_columns = [] -%}
    {%- for column in dest_columns -%}
        {%- do source_columns.append('DBT_INTERNAL_SOURCE.' ~ adapter.quote(column.name)) -%}
    {%- endfor -%}
    {{ return({'on': matches | join(' and '), 'assignments': assignments | join(', '),
               'columns': get_quoted_csv(dest_columns | map(attribute='name')), 'source_columns': source_columns | join(', ')}) }}
{%- endmacro %}

{#- Matched rows updated from the batch, unmatched rows inserted; without a unique_key nothing matches. -#}
{% macro get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
    {{ return(adapter.dispatch('get_merge_sql', 'dbt')(target, source, unique_key, dest_columns, incremental_predicates)) }}
{%- endmacro %}

{#- One `merge` statement (PostgreSQL 15 and the SQL standard). -#}
{% macro default__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
    {%- set merge = get_merge_clauses(source, unique_key, dest_columns, incremental_predicates) -%}
    {%- set statement = 'merge into ' ~ target ~ ' as DBT_INTERNAL_DEST\nusing ' ~ source ~ ' as DBT_INTERNAL_SOURCE\non ' ~ merge.on ~ '\n' -%}
    {%- if merge.assignments -%}
        {%- set statement = statement ~ 'when matched then update set ' ~ merge.assignments ~ '\n' -%}
    {%- endif -%}
    {{ return(statement ~ 'when not matched then insert (' ~ merge.columns ~ ') values (' ~ merge.source_columns ~ ')') }}
{%- endmacro %}

{#- A merge where the database has no `merge` statement (SQLite, PostgreSQL before 15): matched rows updated
    from the batch, then the unmatched ones inserted. -#}
{% macro get_update_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
    {%- set merge = get_merge_clauses(source, unique_key, dest_columns, incremental_predicates) -%}
    {%- set statements = [] -%}
    {%- if merge.assignments -%}
        {%- do statements.append('update ' ~ target ~ ' as DBT_INTERNAL_DEST set ' ~ merge.assignments ~ '\nfrom ' ~ source
                                 ~ ' as DBT_INTERNAL_SOURCE where ' ~ merge.on) -%}
    {%- endif -%}
    {%- do statements.append('insert into ' ~ target ~ ' (' ~ merge.columns ~ ')\nselect ' ~ merge.source_columns ~ ' from ' ~ source
                             ~ ' as DBT_INTERNAL_SOURCE\nwhere not exists (select 1 from ' ~ target ~ ' as DBT_INTERNAL_DEST where ' ~ merge.on ~ ')') -%}
    {{ return(statements | join(';\n')) }}
{%- endmacro %}

{#- dbt's `insert_overwrite` as one merge, for the adapters whose strategy calls it (PostgreSQL and SQLite offer no
    insert_overwrite; packages may still call it): the target's rows the predicates select are deleted, the source's
    rows inserted. `include_sql_header` puts the model's `sql_header` first. -#}
{% macro get_insert_overwrite_merge_sql(target, source, dest_columns, predicates, include_sql_header=false) -%}
    {{ adapter.dispatch('get_insert_overwrite_merge_sql', 'dbt')(target, source, dest_columns, predicates, include_sql_header) }}
{%- endmacro %}

{% macro default__get_insert_overwrite_merge_sql(target, source, dest_columns, predicates, include_sql_header) -%}
    {%- set columns = get_quoted_csv(dest_columns | map(attribute='name')) -%}
    {%- set header = config.get('sql_header', none) if include_sql_header else none -%}
    {%- set statement = [] if header is none else [header] -%}
    {%- do statement.append('merge into ' ~ target ~ ' as DBT_INTERNAL_DEST\nusing ' ~ source ~ ' as DBT_INTERNAL_SOURCE\non FALSE') -%}
    {%- if predicates -%}
        {%- do statement.append('when not matched by source and ' ~ predicates | join(' and ') ~ ' then delete') -%}
    {%- else -%}
        {%- do statement.append('when not matched by source then delete') -%}
    {%- endif -%}
    {%- do statement.append('when not matched then insert (' ~ columns ~ ') values (' ~ columns ~ ')') -%}
    {{ statement | join('\n') }}
{%- endmacro %}

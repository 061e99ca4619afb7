{#- `on_schema_change` for an incremental run, as the Swift path (Materializer) applies it: columns are compared
    by name (case-insensitive); `ignore` inserts the table's columns the staged rows have, `fail` stops when a
    column was added or removed, `append_new_columns` adds the new ones, `sync_all_columns` adds the new and
    drops the removed ones and gives a column whose type changed the staged rows' type (PostgreSQL; dbt-sqlite
    changes no type). The value itself is checked when the project loads. -#}

{% macro incremental_validate_on_schema_change(on_schema_change, default='ignore') -%}
    {%- if on_schema_change in ['sync_all_columns', 'append_new_columns', 'fail', 'ignore'] -%}
        {{ return(on_schema_change) }}
    {%- endif -%}
    {{ return(default) }}
{%- endmacro %}

{#- The columns of `source_relation` that `target_relation` lacks and the reverse, by name, and the target's
    columns whose type differs from the source's: a dict of `schema_changed` (columns added or removed),
    `source_not_in_target`, `target_not_in_source`, `source_columns`, `target_columns`, `new_target_types`. -#}
{% macro check_for_schema_changes(source_relation, target_relation) -%}
    {%- set source_columns = adapter.get_columns_in_relation(source_relation) -%}
    {%- set target_columns = adapter.get_columns_in_relation(target_relation) -%}
    {%- set source_names = source_columns | map(attribute='name') | map('lower') | list -%}
    {%- set target_names = target_columns | map(attribute='name') | map('lower') | list -%}
    {%- set added = [] -%}
    {%- for column in source_columns if column.name | lower not in target_names -%}
        {%- do added.append(column) -%}
    {%- endfor -%}
    {%- set removed = [] -%}
    {%- for column in target_columns if column.name | lower not in source_names -%}
        {%- do removed.append(column) -%}
    {%- endfor -%}
    {{ return({'schema_changed': (added | length + removed | length) > 0, 'source_not_in_target': added,
               'target_not_in_source': removed, 'source_columns': source_columns, 'target_columns': target_columns,
               'new_target_types': diff_column_data_types(source_columns, target_columns)}) }}
{%- endmacro %}

{#- The columns of `target_columns` whose type differs from their namesake's in `source_columns` (a string column
    the target holds wider is no change), as a list of `{'column_name': ..., 'new_type': <the source's data_type>}`
    in the source's column order. -#}
{% macro diff_column_data_types(source_columns, target_columns) -%}
    {{ return(adapter.dispatch('diff_column_data_types', 'dbt')(source_columns, target_columns)) }}
{%- endmacro %}

{% macro default__diff_column_data_types(source_columns, target_columns) -%}
    {%- set changed = [] -%}
    {%- for source in source_columns -%}
        {%- for target in target_columns if target.name == source.name -%}
            {%- if source.data_type != target.data_type and not source.can_expand_to(target) -%}
                {%- do changed.append({'column_name': target.name, 'new_type': source.data_type}) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(changed) }}
{%- endmacro %}

{#- Adds the new columns to `target_relation` (`append_new_columns`, `sync_all_columns`), drops the removed
    ones and changes the type of those whose type changed (`sync_all_columns`, after the others). -#}
{% macro sync_column_schemas(on_schema_change, target_relation, schema_changes_dict) -%}
    {%- set added = schema_changes_dict['source_not_in_target'] -%}
    {%- set removed = schema_changes_dict['target_not_in_source'] if on_schema_change == 'sync_all_columns' else [] -%}
    {%- if added or removed -%}
        {%- do alter_relation_add_remove_columns(target_relation, added, removed) -%}
    {%- endif -%}
    {%- if on_schema_change == 'sync_all_columns' -%}
        {%- for change in schema_changes_dict['new_target_types'] -%}
            {%- do alter_column_type(target_relation, change['column_name'], change['new_type']) -%}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}

{#- Applies `on_schema_change` and returns the names of the columns to insert. -#}
{% macro process_schema_changes(on_schema_change, source_relation, target_relation) -%}
    {%- set changes = check_for_schema_changes(source_relation, target_relation) -%}
    {%- if on_schema_change == 'ignore' -%}
        {%- set source_names = changes['source_columns'] | map(attribute='name') | map('lower') | list -%}
        {%- set kept = [] -%}
        {%- for column in changes['target_columns'] if column.name | lower in source_names -%}
            {%- do kept.append(column.name) -%}
        {%- endfor -%}
        {{ return(kept) }}
    {%- elif on_schema_change == 'fail' and changes['schema_changed'] -%}
        {{ exceptions.raise_compiler_error(incremental_schema_change_failure(changes)) }}
    {%- elif on_schema_change == 'fail' -%}
        {{ return(changes['target_columns'] | map(attribute='name') | list) }}
    {%- endif -%}
    {{ sync_column_schemas(on_schema_change, target_relation, changes) }}
    {{ return(changes['source_columns'] | map(attribute='name') | list) }}
{%- endmacro %}

{#- The error of `on_schema_change: fail` as dbt-core words it (the Swift path's SchemaChangeFailure): the ways to
    reconcile the schemas, the columns added and removed in their adapter's column text; names are compared, so no
    types are listed as changed. -#}
{% macro incremental_schema_change_failure(changes) -%}
    {%- set lines = ['', 'The source and target schemas on this incremental model are out of sync!',
        'They can be reconciled in several ways:',
        '  - set the `on_schema_change` config to either append_new_columns or sync_all_columns, depending on your situation.',
        '  - Re-run the incremental model with `full_refresh: True` to update the target schema.',
        '  - update the schema manually and re-run the process.', '', 'Additional troubleshooting context:',
        '   Source columns not in target: ' ~ changes['source_not_in_target'],
        '   Target columns not in source: ' ~ changes['target_not_in_source'], '   New column types: []'] -%}
    {%- set indented = [] -%}
    {%- for line in lines -%}
        {%- do indented.append(' ' * 14 ~ line if line else '') -%}
    {%- endfor -%}
    {{ return(indented | join('\n') ~ '\n' ~ ' ' * 10) }}
{%- endmacro %}

{#- `alter table ... add column` for each of `add_columns`, `drop column` for each of `remove_columns`, one
    statement each (SQLite alters one column per statement). -#}
{% macro alter_relation_add_remove_columns(relation, add_columns=none, remove_columns=none) -%}
    {{ return(adapter.dispatch('alter_relation_add_remove_columns', 'dbt')(relation, add_columns, remove_columns)) }}
{%- endmacro %}

{% macro default__alter_relation_add_remove_columns(relation, add_columns, remove_columns) -%}
    {%- for column in add_columns or [] -%}
        {%- do adapter.execute('alter table ' ~ relation ~ ' add column ' ~ adapter.quote(column.name) ~ ' ' ~ column.dtype) -%}
    {%- endfor -%}
    {%- for column in remove_columns or [] -%}
        {%- do adapter.execute('alter table ' ~ relation ~ ' drop column ' ~ adapter.quote(column.name)) -%}
    {%- endfor -%}
{%- endmacro %}

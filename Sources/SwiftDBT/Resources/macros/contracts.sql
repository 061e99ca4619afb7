{#- Model contracts (`contract: {enforced: true}`), written to the behaviour of dbt's: before a
    contracted model is built, the columns its query gives (names and the adapter's type labels) are
    compared with its YAML columns, and a contracted table is created from its columns' DDL (types and
    constraints), then filled. The adapters' variants are in contracts_postgres.sql and contracts_sqlite.sql. -#}

{#- The columns (api.Column objects) a query gives, read without scanning any row. -#}
{% macro get_column_schema_from_query(select_sql, select_sql_header=none) -%}
    {{ return(adapter.get_column_schema_from_query(get_empty_subquery_sql(select_sql, select_sql_header))) }}
{%- endmacro %}

{% macro get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
    {{ return(adapter.dispatch('get_empty_subquery_sql', 'dbt')(select_sql, select_sql_header)) }}
{%- endmacro %}

{% macro default__get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
{%- if select_sql_header is not none %}{{ select_sql_header }}
{% endif -%}
select * from (
{{ select_sql }}
) as __dbt_sbq
where false
limit 0
{%- endmacro %}

{#- A query of no rows whose columns are the YAML columns, each cast to its `data_type`. -#}
{% macro get_empty_schema_sql(columns) -%}
    {{ return(adapter.dispatch('get_empty_schema_sql', 'dbt')(columns)) }}
{%- endmacro %}

{% macro default__get_empty_schema_sql(columns) -%}
    {%- set untyped = [] -%}
    {%- set unsized = [] -%}
    {%- for column in columns.values() -%}
        {%- if column.get('data_type') is none -%}
            {%- do untyped.append(column['name']) -%}
        {%- elif column['data_type'].strip().lower() in ['numeric', 'decimal', 'number'] -%}
            {%- do unsized.append(column['name']) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if untyped -%}
        {{ exceptions.column_type_missing(column_names=untyped) }}
    {%- elif unsized -%}
        {{ exceptions.warn("Detected columns with numeric type and unspecified precision/scale, this can lead to unintended rounding: " ~ unsized ~ "`") }}
    {%- endif -%}
select
{%- for column in columns.values() %} {{ cast('null', api.Column.translate_type(column['data_type'])) }} as {{ contract_column_name(column) }}{{ "," if not loop.last }}
{%- endfor %}
{%- endmacro %}

{#- A YAML column's name in DDL: quoted only when its `quote:` says so. -#}
{% macro contract_column_name(column) -%}
    {{ return(adapter.quote(column['name']) if column.get('quote') else column['name']) }}
{%- endmacro %}

{#- Raises dbt's contract error, listing every mismatch, when the model's query and its YAML
    columns differ in names, types or number. -#}
{% macro get_assert_columns_equivalent(sql) -%}
    {{ return(adapter.dispatch('get_assert_columns_equivalent', 'dbt')(sql)) }}
{%- endmacro %}

{% macro default__get_assert_columns_equivalent(sql) -%}
    {{ return(assert_columns_equivalent(sql)) }}
{%- endmacro %}

{% macro assert_columns_equivalent(sql) -%}
    {%- set declared = model['columns'] -%}
    {%- if not declared -%}
        {{ exceptions.raise_contract_error([], []) }}
    {%- endif -%}
    {%- set from_query = format_columns(get_column_schema_from_query(sql, config.get('sql_header', none))) -%}
    {%- set from_yaml = format_columns(get_column_schema_from_query(get_empty_schema_sql(declared))) -%}
    {%- set by_name = {} -%}
    {%- for column in from_yaml if column['name'] not in by_name -%}
        {%- do by_name.update({column['name']: column['formatted']}) -%}
    {%- endfor -%}
    {%- set found = namespace(equal=(from_query | length) == (from_yaml | length)) -%}
    {%- for column in from_query -%}
        {%- if by_name.get(column['name']) != column['formatted'] -%}
            {%- set found.equal = false -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if not found.equal -%}
        {{ exceptions.raise_contract_error(from_yaml, from_query) }}
    {%- endif -%}
{%- endmacro %}

{#- Columns as the contract compares them: `{'name', 'data_type', 'formatted'}`. -#}
{% macro format_columns(columns) -%}
    {%- set formatted = [] -%}
    {%- for column in columns -%}
        {%- do formatted.append(adapter.dispatch('format_column', 'dbt')(column)) -%}
    {%- endfor -%}
    {{ return(formatted) }}
{%- endmacro %}

{% macro default__format_column(column) -%}
    {{ return({'name': column.name, 'data_type': column.dtype, 'formatted': column.column.lower() ~ " " ~ column.dtype}) }}
{%- endmacro %}

{#- `(column type constraints, ..., model constraints)`: the column list of a contracted table's `create table`. -#}
{% macro get_table_columns_and_constraints() -%}
    {{ return(adapter.dispatch('get_table_columns_and_constraints', 'dbt')()) }}
{%- endmacro %}

{% macro default__get_table_columns_and_constraints() -%}
    {{ return(table_columns_and_constraints()) }}
{%- endmacro %}

{% macro table_columns_and_constraints() -%}
    {%- set lines = [] -%}
    {%- for column in model['columns'].values() -%}
        {%- set parts = [contract_column_name(column) ~ " " ~ column['data_type']] -%}
        {%- for constraint in column.get('constraints') or [] -%}
            {%- set rendered = contract_constraint_sql(constraint, column_level=true) -%}
            {%- if rendered -%}{%- do parts.append(rendered) -%}{%- endif -%}
        {%- endfor -%}
        {%- do lines.append(parts | join(" ")) -%}
    {%- endfor -%}
    {%- for constraint in model.get('constraints') or [] -%}
        {%- set rendered = contract_constraint_sql(constraint, column_level=false) -%}
        {%- if rendered -%}{%- do lines.append(rendered) -%}{%- endif -%}
    {%- endfor -%}
    {{ return("(\n    " ~ lines | join(",\n    ") ~ "\n)") }}
{%- endmacro %}

{#- How the adapter stands by each constraint type: 'enforced', 'not_enforced' or 'not_supported'
    (the default is dbt's base adapter's). -#}
{% macro get_constraint_support() -%}
    {{ return(adapter.dispatch('get_constraint_support', 'dbt')()) }}
{%- endmacro %}

{% macro default__get_constraint_support() -%}
    {{ return({'check': 'not_supported', 'not_null': 'enforced', 'unique': 'not_enforced',
               'primary_key': 'not_enforced', 'foreign_key': 'enforced'}) }}
{%- endmacro %}

{#- One constraint's DDL (none when the adapter does not support it or it has nothing to say), with
    dbt's warnings for a constraint the adapter does not support or does not enforce. A column's
    constraint is written after its type; a model's after the columns. -#}
{% macro contract_constraint_sql(constraint, column_level) -%}
    {%- set kind = constraint['type'] -%}
    {%- if kind != 'custom' -%}
        {%- set support = get_constraint_support().get(kind, 'not_supported') -%}
        {%- if support == 'not_supported' -%}
            {%- if constraint.get('warn_unsupported', true) -%}
                {{ exceptions.warn("The constraint type " ~ kind ~ " is not supported by " ~ adapter.type() ~ ", and will be ignored. Set 'warn_unsupported: false' on this constraint to ignore this warning.") }}
            {%- endif -%}
            {{ return(none) }}
        {%- elif support == 'not_enforced' and constraint.get('warn_unenforced', true) -%}
            {{ exceptions.warn("The constraint type " ~ kind ~ " is not enforced by " ~ adapter.type() ~ ". The constraint will be included in this model's DDL statement, but it will not guarantee anything about the underlying data. Set 'warn_unenforced: false' on this constraint to ignore this warning.") }}
        {%- endif -%}
    {%- endif -%}
    {%- set expression = constraint.get('expression') or '' -%}
    {%- set target = constraint.get('to') -%}
    {%- set target_columns = constraint.get('to_columns') or [] -%}
    {%- if column_level -%}
        {%- if kind == 'check' -%}{%- set sql = "check (" ~ expression ~ ")" if expression else none -%}
        {%- elif kind == 'not_null' -%}{%- set sql = "not null " ~ expression -%}
        {%- elif kind == 'unique' -%}{%- set sql = "unique " ~ expression -%}
        {%- elif kind == 'primary_key' -%}{%- set sql = "primary key " ~ expression -%}
        {%- elif kind == 'foreign_key' and target and target_columns -%}{%- set sql = "references " ~ target ~ " (" ~ target_columns | join(", ") ~ ")" -%}
        {%- elif kind == 'foreign_key' and expression -%}{%- set sql = "references " ~ expression -%}
        {%- elif kind == 'custom' and expression -%}{%- set sql = expression -%}
        {%- else -%}{%- set sql = none -%}
        {%- endif -%}
    {%- else -%}
        {%- set named = "constraint " ~ constraint['name'] ~ " " if constraint.get('name') else "" -%}
        {%- set listed = "(" ~ (constraint.get('columns') or []) | join(", ") ~ ")" -%}
        {%- set extra = " " ~ expression if expression else "" -%}
        {%- if kind == 'check' -%}{%- set sql = named ~ "check (" ~ expression ~ ")" if expression else none -%}
        {%- elif kind == 'unique' -%}{%- set sql = named ~ "unique" ~ extra ~ " " ~ listed -%}
        {%- elif kind == 'primary_key' -%}{%- set sql = named ~ "primary key" ~ extra ~ " " ~ listed -%}
        {%- elif kind == 'foreign_key' and target and target_columns -%}{%- set sql = named ~ "foreign key " ~ listed ~ " references " ~ target ~ " (" ~ target_columns | join(", ") ~ ")" -%}
        {%- elif kind == 'foreign_key' and expression -%}{%- set sql = named ~ "foreign key " ~ listed ~ " references " ~ expression -%}
        {%- elif kind == 'custom' and expression -%}{%- set sql = named ~ expression -%}
        {%- else -%}{%- set sql = none -%}
        {%- endif -%}
    {%- endif -%}
    {{ return(sql.strip() if sql else none) }}
{%- endmacro %}

{#- The YAML columns' names, for the `insert` that fills a contracted table. -#}
{% macro get_column_names() -%}
    {{ return(adapter.dispatch('get_column_names', 'dbt')()) }}
{%- endmacro %}

{% macro default__get_column_names() -%}
    {%- set names = [] -%}
    {%- for column in model['columns'].values() -%}
        {%- do names.append(contract_column_name(column)) -%}
    {%- endfor -%}
    {{ return(names | join(", ")) }}
{%- endmacro %}

{#- The model's query reduced to the YAML columns, in their order. -#}
{% macro get_select_subquery(sql) -%}
    {{ return(adapter.dispatch('get_select_subquery', 'dbt')(sql)) }}
{%- endmacro %}

{% macro default__get_select_subquery(sql) -%}
select {{ get_column_names() }}
from (
{{ sql }}
) as model_subq
{%- endmacro %}

{#- Whether the model's `contract` config enforces a contract. -#}
{% macro contract_enforced() -%}
    {{ return((config.get('contract') or {}).get('enforced') == true) }}
{%- endmacro %}

{#- PostgreSQL's materialized views (see materialized_view.sql): `create materialized view` with the
    `indexes` config's indexes, `refresh materialized view`, index changes applied in place, and a
    replacement built beside the old relation and renamed in. Names reach catalog queries as escaped literals. -#}

{% macro postgres__materialized_view_existing_kind(relation) -%}
    {%- set found = run_query("select case c.relkind when 'm' then 'materialized_view' when 'v' then 'view' else 'table' end "
        ~ "from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p', 'v', 'm') and n.nspname = "
        ~ postgres__materialized_view_literal(relation.schema) ~ " and c.relname = " ~ postgres__materialized_view_literal(relation.identifier)) -%}
    {{ return(found.rows[0][0] if found is not none and found.rows | length > 0 else none) }}
{%- endmacro %}

{% macro postgres__materialized_view_literal(text) -%}
    {{ return("'" ~ (text | replace("'", "''")) ~ "'") }}
{%- endmacro %}

{% macro postgres__get_create_materialized_view_as_sql(relation, sql) -%}
create materialized view {{ relation }} as
{{ sql }};
{%- for index in config.get('indexes') or [] %}
{{ get_create_index_sql(relation, index) }};
{%- endfor %}
{%- endmacro %}

{#- An index of the `indexes` config (indexes.sql), named by the server. -#}
{% macro postgres__get_create_index_sql(relation, index_dict) -%}
create {{ "unique " if index_dict.get('unique') }}index on {{ relation }}{{ " using " ~ index_dict['type'] if index_dict.get('type') }} ({{ (index_dict.get('columns') or []) | join(", ") }})
{%- endmacro %}

{% macro postgres__refresh_materialized_view(relation) -%}
refresh materialized view {{ relation }}
{%- endmacro %}

{% macro postgres__get_replace_materialized_view_sql(existing_kind, relation, intermediate, backup, sql) -%}
drop materialized view if exists {{ intermediate }} cascade;
drop materialized view if exists {{ backup }} cascade;
{{ postgres__get_create_materialized_view_as_sql(intermediate, sql) }}
alter {{ existing_kind | replace('_', ' ') }} {{ relation }} rename to {{ adapter.quote(backup.identifier) }};
alter materialized view {{ intermediate }} rename to {{ adapter.quote(relation.identifier) }};
drop {{ existing_kind | replace('_', ' ') }} {{ backup }} cascade
{%- endmacro %}

{#- An index is the same when its columns (in order), uniqueness and method are. -#}
{% macro postgres__get_materialized_view_index_changes(relation) -%}
    {%- set found = run_query("select i.relname, am.amname, x.indisunique, "
        ~ "array_to_string(array(select a.attname from unnest(x.indkey) with ordinality k(attnum, position) "
        ~ "join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum order by k.position), ',') "
        ~ "from pg_index x join pg_class i on i.oid = x.indexrelid join pg_am am on am.oid = i.relam "
        ~ "join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace "
        ~ "where n.nspname = " ~ postgres__materialized_view_literal(relation.schema) ~ " and t.relname = " ~ postgres__materialized_view_literal(relation.identifier)) -%}
    {%- set existing = {} -%}
    {%- for row in found.rows -%}
        {%- do existing.update({(row[3] ~ '|' ~ row[2] ~ '|' ~ row[1]): row[0]}) -%}
    {%- endfor -%}
    {%- set wanted = {} -%}
    {%- for index in config.get('indexes') or [] -%}
        {%- set key = (index.get('columns') or []) | join(',') ~ '|' ~ (index.get('unique') == true) ~ '|' ~ (index.get('type') or 'btree') | lower -%}
        {%- do wanted.update({key: index}) -%}
    {%- endfor -%}
    {%- set changes = [] -%}
    {%- for key, name in existing.items() if key not in wanted -%}
        {%- do changes.append({'action': 'drop', 'name': name}) -%}
    {%- endfor -%}
    {%- for key, index in wanted.items() if key not in existing -%}
        {%- do changes.append({'action': 'create', 'index': index}) -%}
    {%- endfor -%}
    {{ return(changes) }}
{%- endmacro %}

{% macro postgres__get_alter_materialized_view_indexes_sql(relation, changes) -%}
{%- for change in changes -%}
{%- if change['action'] == 'drop' -%}
drop index if exists {{ adapter.quote(relation.schema) }}.{{ adapter.quote(change['name']) }}
{%- else -%}
{{ get_create_index_sql(relation, change['index']) }}
{%- endif -%}{{ ";\n" if not loop.last }}
{%- endfor -%}
{%- endmacro %}

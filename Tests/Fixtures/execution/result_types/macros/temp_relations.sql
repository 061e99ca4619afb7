{#- make_temp_relation, make_intermediate_relation and make_backup_relation of a relation, as the adapter makes
    them: in the schema and database or not, named the base name and the suffix, how many characters follow them
    (dbt-postgres appends the time of day to a temporary table's name), table or view. -#}
{% macro temp_relations() %}
    {%- set base = api.Relation.create(database=target.database, schema=target.schema, identifier='orders', type='table') -%}
    {%- set shown = [] -%}
    {%- for made, suffix in [(make_temp_relation(base), '__dbt_tmp'), (make_temp_relation(base, '__x'), '__x'),
                             (make_intermediate_relation(base), '__dbt_tmp'),
                             (make_backup_relation(base, 'view'), '__dbt_backup')] -%}
        {%- set named = 'orders' ~ suffix -%}
        {%- do shown.append([made.schema == target.schema, made.database == target.database,
                             made.identifier.startswith(named), made.identifier[named | length:] | length,
                             made.is_table, made.is_view]) -%}
    {%- endfor -%}
    {{ log('result types: ' ~ shown | join('|'), info=True) }}
{% endmacro %}

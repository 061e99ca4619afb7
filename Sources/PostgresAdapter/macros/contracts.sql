{#- PostgreSQL's part of model contracts (see contracts.sql): it enforces every constraint type, and a
    contracted view is checked before it is created. A contracted table is created by
    postgres__create_table_as (materializations.sql) from get_table_columns_and_constraints. -#}

{% macro postgres__get_constraint_support() -%}
    {{ return({'check': 'enforced', 'not_null': 'enforced', 'unique': 'enforced',
               'primary_key': 'enforced', 'foreign_key': 'enforced'}) }}
{%- endmacro %}

{% macro postgres__create_view_as(relation, sql) -%}
{%- if contract_enforced() -%}
    {{ get_assert_columns_equivalent(sql) }}
{%- endif -%}
create view {{ relation }} as
{{ sql }}
{%- endmacro %}

{#- An incremental strategy of the project's own, `replace_all`: the table keeps only the new batch. -#}
{% macro get_incremental_replace_all_sql(arg_dict) %}
    {%- set columns = arg_dict['dest_columns'] | map(attribute='quoted') | join(', ') -%}
    delete from {{ arg_dict['target_relation'] }};
    insert into {{ arg_dict['target_relation'] }} ({{ columns }})
    select {{ columns }} from {{ arg_dict['temp_relation'] }}
{% endmacro %}

{#- agate's Table.rename, as elementary's run_query lowercases column names with it: by a mapping (other columns
    kept) and by a list of every name; the rows, their types and the table renamed stay as they were. -#}
{% macro result_rename() %}
    {%- set table = run_query("select 1 as id, 'x' as name, 2.5 as amount") -%}
    {%- set by_mapping = table.rename({'name': 'label', 'absent': 'nothing'}) -%}
    {%- set by_list = table.rename(['a', 'b', 'c']) -%}
    {%- set kinds = [] -%}
    {%- for kind in by_list.column_types -%}
        {%- do kinds.append((kind | string).split(' ')[0]) -%}
    {%- endfor -%}
    {%- set shown = [by_mapping.column_names | list, by_mapping.rows[0]['label'], by_mapping.rows[0]['amount'],
                     by_list.column_names | list, by_list.columns['c'].values() | list, kinds,
                     table.column_names | list] -%}
    {{ log('result types: ' ~ shown | join('|'), info=True) }}
{% endmacro %}

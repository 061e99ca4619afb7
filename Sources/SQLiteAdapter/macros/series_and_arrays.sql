{#- SQLite's variants of the date and array macros (dispatched from swiftdbt/macros/series_and_arrays.sql):
    SQLite has no arrays, so its arrays are JSON arrays (text). -#}

{% macro sqlite__date(year, month, day) -%}
    date('{{ modules.datetime.date(year, month, day).strftime("%Y-%m-%d") }}')
{%- endmacro %}

{% macro sqlite__array_construct(inputs, data_type) -%}
    json_array({{ inputs | join(', ') }})
{%- endmacro %}

{% macro sqlite__array_append(array, new_element) -%}
    json_insert({{ array }}, '$[#]', {{ new_element }})
{%- endmacro %}

{% macro sqlite__array_concat(array_1, array_2) -%}
    (select json_group_array(case when elements.type in ('array', 'object') then json(elements.value) else elements.value end)
     from (select 1 as part, key, type, value from json_each({{ array_1 }})
           union all select 2, key, type, value from json_each({{ array_2 }})
           order by 1, 2) as elements)
{%- endmacro %}

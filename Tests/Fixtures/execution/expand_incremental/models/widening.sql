{#- An incremental model whose second run brings longer strings (and a wider number) than its table holds. -#}
{{ config(materialized='incremental') }}
{% if is_incremental() %}
select 2 as id, cast('a much longer code' as varchar(18)) as code, cast('x' as varchar(3)) as note,
       cast('long label' as text) as label, cast(12.345 as numeric(6, 3)) as amount
{% else %}
select 1 as id, cast('abc' as varchar(5)) as code, cast('note' as varchar(10)) as note,
       cast('short' as varchar(8)) as label, cast(1.5 as numeric(3, 1)) as amount
{% endif %}

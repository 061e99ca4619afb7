{{ config(post_hook="{% if var('break_post_hook') %}insert into no_such_table values (1){% endif %}") }}
select id from {{ ref('first') }}

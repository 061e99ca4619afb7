{{ config(materialized='table') }}
{#- From step 4 on the items have a column more, which the snapshots must add. -#}
select
    id,
    k2,
    name,
    status,
    {% if target.type == 'postgres' %}cast(updated_at as timestamp){% else %}updated_at{% endif %} as updated_at
    {%- if var('step') | int >= 4 %},
    'late' as note
    {%- endif %}
from {{ ref('item_versions') }}
where {{ var('step') }} between first_step and last_step

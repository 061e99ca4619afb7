{{ config(materialized='table') }}
select
    id,
    k2,
    name,
    status,
    {% if target.type == 'postgres' %}cast(updated_at as timestamp){% else %}updated_at{% endif %} as updated_at
from {{ ref('item_versions') }}
where {{ var('step') }} between first_step and last_step

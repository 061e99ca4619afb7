-- In the week of Monday 2025-04-14 the generator drops nine click IDs in ten. The weekly XmR chart of the
-- click-ID capture rate must flag that week as out of limits (below the lower natural process limit).
with drop_week as (
    select *
    from {{ ref('mart_attribution__coverage_weekly') }}
    where metric_name = 'click_id_capture_rate'
        and cast(week_start as {{ dbt.type_string() }}) = '2025-04-14'
)

select 'the capture-drop week is missing from the weekly coverage mart' as failure
where not exists (select 1 from drop_week)
union all
select 'the capture-drop week is not flagged below the lower limit' as failure
from drop_week
where is_out_of_limits <> 1 or metric_value >= lower_natural_process_limit

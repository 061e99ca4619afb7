-- Counts to a billion: long enough to be interrupted.
with recursive counter(x) as (
    select 1
    union all
    select x + 1 from counter where x < 1000000000
)
select count(*) as n from counter cross join {{ ref('quick') }}

with recursive counter(x) as (select 1 union all select x + 1 from counter where x < 2000000)
select count(*) as n, '{{ var("writer") }}' as writer from counter

select 1 as id, {{ loaded_ago(10, 'minute') }} as loaded_at
union all
select 2 as id, {{ loaded_ago(2, 'day') }} as loaded_at

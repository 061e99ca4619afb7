select 'new' as kind, {{ loaded_ago(5, 'minute') }} as loaded_at
union all
select 'late' as kind, {{ loaded_ago(3, 'hour') }} as loaded_at

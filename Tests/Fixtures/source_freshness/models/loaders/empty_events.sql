select 1 as id, {{ loaded_ago(1, 'minute') }} as loaded_at where 1 = 0

select 1 as id, {{ loaded_ago(3, 'hour') }} as loaded_at

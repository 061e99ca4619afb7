select 1 as id, {{ loaded_ago(3, 'day') }} as loaded_at

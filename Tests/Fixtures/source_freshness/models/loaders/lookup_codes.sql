select 'a' as code, {{ loaded_ago(30, 'day') }} as loaded_at

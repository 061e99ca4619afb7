select 1 as id, {{ loaded_ago_utc_clock(20, 'minute') }} as loaded_at

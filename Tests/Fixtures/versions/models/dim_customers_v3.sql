select 1 as id, 'ada' as name, 'new' as extra

select 1 as id, 'ada' as name

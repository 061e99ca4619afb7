select 1 as id, 'ada' as name, 'old' as legacy

select 1 as id, 'a' as name, 10 as score

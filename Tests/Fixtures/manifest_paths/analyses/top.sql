select 2 as two

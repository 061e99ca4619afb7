select 1 as n

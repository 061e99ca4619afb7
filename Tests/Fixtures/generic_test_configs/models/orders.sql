select 1 as id, 'placed' as status, 10 as amount
union all select 2, 'shipped', 20

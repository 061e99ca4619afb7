-- Orders must never have a negative total.
select order_id, amount
from "main"."orders"
where amount < 0
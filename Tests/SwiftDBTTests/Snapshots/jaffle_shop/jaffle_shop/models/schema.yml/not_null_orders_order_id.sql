
select order_id
from "main"."orders"
where order_id is null

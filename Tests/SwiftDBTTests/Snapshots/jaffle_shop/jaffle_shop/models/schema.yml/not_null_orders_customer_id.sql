
select customer_id
from "main"."orders"
where customer_id is null

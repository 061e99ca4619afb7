
select customer_id
from "main"."customers"
where customer_id is null

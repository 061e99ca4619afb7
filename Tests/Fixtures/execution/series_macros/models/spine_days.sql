select cast(date_day as {{ dbt.type_string() }}) as day
from ({{ dbt.date_spine('day', dbt.date(2024, 2, 27), dbt.date(2024, 3, 3)) }}) as spine

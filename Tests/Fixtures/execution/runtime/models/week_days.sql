{#- A date spine from the built-in dbt namespace (the number of days asked of the database), days as text. -#}
select cast(date_day as {{ dbt.type_string() }}) as day
from ({{ dbt.date_spine('day', dbt.date(2024, 2, 26), dbt.date(2024, 3, 4)) }}) as spine

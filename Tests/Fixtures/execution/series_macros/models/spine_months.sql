select cast(date_month as {{ dbt.type_string() }}) as month
from ({{ dbt.date_spine('month', dbt.date(2023, 11, 15), dbt.date(2024, 3, 1)) }}) as spine

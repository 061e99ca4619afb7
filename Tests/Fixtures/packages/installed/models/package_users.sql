select first_year, last_year, {{ text_tools.shout("'hello'") }} as greeting
from {{ ref('calendar_years') }}

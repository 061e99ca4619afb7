select date('2024-01-01') as date_day, date('2024-01-01') as fiscal_day

select '2024-01-01' as date_day

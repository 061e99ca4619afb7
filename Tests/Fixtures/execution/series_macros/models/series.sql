select generated_number from ({{ dbt.generate_series(13) }}) as numbers

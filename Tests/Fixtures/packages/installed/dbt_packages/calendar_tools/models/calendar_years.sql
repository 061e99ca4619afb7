select {{ var('start_year') }} as first_year, {{ var('end_year') }} as last_year, {{ var('label') }} as label, '{{ var('region') }}' as region

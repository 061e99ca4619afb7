{{ performance_by_period('month') }}

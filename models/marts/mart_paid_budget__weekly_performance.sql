{{ performance_by_period('week') }}

select * from {{ var('entries') }}

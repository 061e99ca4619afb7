select n from {{ ref('slow') }}

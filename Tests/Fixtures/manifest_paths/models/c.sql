{% set joined = 'join' %}
select * from {{ ref('b') }} {{ joined }} {{ source('raw', 't') }} {{ joined }} {{ ref('a') }}

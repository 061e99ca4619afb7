{{ config(quoting={'identifier': true, 'schema': true}) }}
-- this: {{ this }}
select id from {{ source('raw', 'bare') }}

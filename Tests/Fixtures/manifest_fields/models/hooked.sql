{{ config(post_hook="select 1", pre_hook=[{"sql": "select 2", "transaction": false}, "select 4"]) }}
select 1 as id

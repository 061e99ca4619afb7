{{ config(contract={'alias_types': false}) }}
select 1 as id

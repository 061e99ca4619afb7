{%- set people = ref('people') -%}
{%- set found = adapter.get_relation(database=people.database, schema=people.schema, identifier='people') -%}
{%- set missing = adapter.get_relation(database=people.database, schema=people.schema, identifier='no_such_table') -%}
{%- set by_relation = {people: 'keyed'} -%}
select
    {{ single_value('select count(*) from ' ~ people, default=0) }} as people_count,
    {{ single_value('select max(score) from ' ~ people ~ ' where city = ' ~ "'Oslo'", default=0) }} as oslo_top_score,
    {{ 1 if execute and found is not none and found.is_table and found.identifier == people.identifier else 0 }} as people_found,
    {{ 1 if missing is none else 0 }} as missing_is_none,
    '{{ by_relation[ref('people')] }}' as dict_key,
    {{ 1 if is_relation(people) and not is_relation('people') else 0 }} as tells_relations

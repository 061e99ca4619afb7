{{ config(materialized='table') }}
{%- set hidden = adapter.get_relation(database=this.database, schema=this.schema, identifier='hidden_seed') -%}
{%- set shown = adapter.get_relation(database=this.database, schema=this.schema, identifier='shown_seed') -%}
select '{{ hidden is none }}' as hidden_absent, '{{ shown is none }}' as shown_absent

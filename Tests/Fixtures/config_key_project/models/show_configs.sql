{#- What config.get returns for the two configs the project sets, written into the compiled SQL. -#}
select '{{ config.get("grants") | tojson }}' as grants, '{{ config.get("meta") | tojson }}' as meta

select 1 as id
{% if is_incremental() %}where 1 = 0{% endif %}

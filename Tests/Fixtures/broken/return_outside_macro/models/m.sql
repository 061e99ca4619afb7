select 1 as id
{{ return(1) }}

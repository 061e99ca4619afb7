select '{{ env_var("DBT_ENV_SECRET_TOKEN", "x") }}' as id

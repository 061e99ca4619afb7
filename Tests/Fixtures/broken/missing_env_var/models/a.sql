select '{{ env_var("SWIFTDBT_SURELY_UNSET") }}' as id

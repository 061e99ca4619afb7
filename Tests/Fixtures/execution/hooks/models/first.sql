{{ config(
    pre_hook="insert into audit values ('pre-hook', '{{ this.identifier }}')",
    post_hook=["insert into audit values ('post-hook', (select count(*) from {{ this }}))"]
) }}
select 1 as id union all select 2

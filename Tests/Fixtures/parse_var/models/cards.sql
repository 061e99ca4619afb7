-- a var nobody set: parse reads it as none, compiling this model fails
select 1 as id{{ extra_columns('card_extra_columns') }}

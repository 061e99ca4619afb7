-- First-touch attribution per user: the earliest touchpoint within the {{ var('attribution_lookback_days') }}-day
-- lookback (older ones are stale). Users with none are credited to Direct with no touchpoint.
{{ single_touch_attribution('asc') }}

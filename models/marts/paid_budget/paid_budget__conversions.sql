-- Paid signups credited by first touch (the reporting model): one row per user whose first touch is paid.
{{ paid_conversions('first_touch', ref('int_user__attribution_resolved')) }}

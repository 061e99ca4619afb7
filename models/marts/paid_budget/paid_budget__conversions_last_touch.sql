-- Paid signups credited by last touch, for side-by-side reporting with paid_budget__conversions.
{{ paid_conversions('last_touch', ref('int_attribution__last_touch')) }}

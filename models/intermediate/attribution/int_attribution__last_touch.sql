-- Last-touch attribution per user: the latest touchpoint before the signup (ROW_NUMBER by time, descending),
-- within the same lookback. Users with none are credited to Direct with no touchpoint.
{{ single_touch_attribution('desc') }}

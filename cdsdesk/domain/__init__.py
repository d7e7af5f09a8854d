"""Plain-Python domain rules: statuses, periods, Vietnamese text, classification. stdlib only."""

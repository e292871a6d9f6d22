"""Figure functions: tidy DataFrame (+ options) → `go.Figure`. Pure: no database, no Dash."""

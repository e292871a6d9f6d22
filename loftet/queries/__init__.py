"""Data access: SQL → tidy DataFrames, cached by arguments and data version. No Dash here."""

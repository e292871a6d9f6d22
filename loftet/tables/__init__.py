"""Table definitions for dash-ag-grid: column definitions and row data, no Dash imports."""

"""Built-in output formats: JSON Lines, JSON, CSV tables and GeoJSON."""

"""Built-in checks: spans against the text, coordinates, ranges, required fields, GeoJSON."""

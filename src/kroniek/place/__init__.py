"""Where events happen: a gazetteer of place names in Dutch news, resolved to GeoNames places."""

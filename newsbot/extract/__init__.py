"""Pure extraction: HTML to what a reader sees, then to article and entry records."""

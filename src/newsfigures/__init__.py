"""newsfigures."""

"""spaCy components: thin wrappers that run a pure stage over ``doc.text`` and store spans."""

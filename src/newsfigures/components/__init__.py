"""The spaCy side: factories (registered as entry points, so kept light), the components that run each stage over a
Doc's reading view and store spans (with a pipeline's pattern additions: ``base``), the extensions, the
dependency-parse subjects, building the pipeline and turning a Doc into records. Nothing is imported here, so
creating any spaCy pipeline stays cheap."""

"""Language packs: one folder of data per language (``fr/``), shipped in the wheel as ``pipeline.models``."""

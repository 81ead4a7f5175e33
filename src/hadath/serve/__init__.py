"""``hadath serve``: the HTTP API and the web workbench over one store (:func:`hadath.serve.app.create_app`).

Nothing is imported here, so that the command line registers ``serve`` without loading FastAPI."""

DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
DEFAULT_ANALYSIS_TIMEOUT = 30.0

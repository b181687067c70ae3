"""tonn_mock: a stateful, offline twin of the RoEx Tonn API, built on Flask."""

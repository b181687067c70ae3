"""Tasks: the record, the store behind a narrow interface, lifecycles, progression, and the service."""

"""Writer tooling: lint, story map, playtests, schema. Depends on the engine only."""

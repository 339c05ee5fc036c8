"""Record editors and the per-case record tabs, generated from the domain record kinds."""

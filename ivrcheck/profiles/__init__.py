"""Rule packs selectable with `profile:` in .ivrcheck.yaml: plain data, one YAML file each (docs/profiles/)."""

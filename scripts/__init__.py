"""Site generator for the Jiangyuan 2024 speech briefing.

The pipeline reads like the modules: `yamlfile` loads YAML with line numbers, `model` holds the
typed data, `validate` collects every problem, `render` turns data into page text (pure functions),
`write` puts pages on disk, and `generate` runs them in that order. `build` wraps MkDocs so a
failed build never replaces the previous site; `mkdocs_hooks` connects the generator to MkDocs.
"""

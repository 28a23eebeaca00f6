#!/usr/bin/env python3
"""Regenerates the configuration table of README.md from conf/parley.yaml (ReadmeTest checks it)."""
import re
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
rows, section = [], None
for line in (root / "conf/parley.yaml").read_text().splitlines():
    if line.startswith("#") or not line.strip():
        continue
    m = re.match(r"^(\w+):\s*$", line)
    if m:
        section = m.group(1)
        continue
    m = re.match(r'^\s+(\w+):\s*(".*?"|\S*)\s*(#\s*(.*))?$', line)
    if m:
        key, val, _, comment = m.groups()
        env = "PARLEY_" + section.upper() + "_" + re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", key).upper()
        rows.append(f"| `{section}.{key}` | `{env}` | `{val}` | {(comment or '').replace('|', '/')} |")
readme = (root / "README.md").read_text()
start = readme.index("| key | environment | default | meaning |")
end = readme.index("\n## Layout")
table = "| key | environment | default | meaning |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"
(root / "README.md").write_text(readme[:start] + table + readme[end:])

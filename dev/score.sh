#!/usr/bin/env bash
# Build the dev corpus in a scratch copy of this project and score it against the gold.
#   dev/score.sh [scratch folder, default /tmp/briefgen-dev]
# Needs the texts in dev/articles/ (see dev/README.md) and ../shared/tools/.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-/tmp/briefgen-dev}"
tools="$here/../shared/tools"
rm -rf "$work" && mkdir -p "$work/seeds"
cp "$here/mkdocs.yml" "$work/" && cp -r "$here/templates" "$work/"
cp "$here"/dev/articles/*.md "$work/seeds/"
"$here/.venv/bin/briefgen" build -q -f "$work/mkdocs.yml"
python3 "$tools/score_entities.py" "$work/site/data/entities.json" "$here/dev/gold-entities.yml" | tail -1
python3 "$tools/score_events.py" "$work/site/data" "$here/dev/gold-events.yml" | tail -1

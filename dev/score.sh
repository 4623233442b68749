#!/usr/bin/env bash
# Build a corpus in a scratch copy of this project and score it against its gold.
#   dev/score.sh [scratch folder, default /tmp/briefgen-dev] [corpus folder, default dev]
# dev/score.sh /tmp/briefgen-holdout dev/holdout scores the held-out corpus.
# Needs the texts in <corpus>/articles/ (see dev/README.md) and ../shared/tools/.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-/tmp/briefgen-dev}"
corpus="$(cd "${2:-$here/dev}" && pwd)"
tools="$here/../shared/tools"
rm -rf "$work" && mkdir -p "$work/seeds"
cp "$here/mkdocs.yml" "$work/" && cp -r "$here/templates" "$work/"
cp "$corpus"/articles/*.md "$work/seeds/"
"$here/.venv/bin/briefgen" build -q -f "$work/mkdocs.yml"
python3 "$tools/score_entities.py" "$work/site/data/entities.json" "$corpus/gold-entities.yml" | tail -1
if [ -f "$corpus/gold-events.yml" ]; then
  python3 "$tools/score_events.py" "$work/site/data" "$corpus/gold-events.yml" | tail -1
fi

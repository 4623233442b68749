#!/usr/bin/env bash
# Score every corpus (dev and each holdout with texts present) with a snapshot of the
# code, two builds at a time, and print one line per corpus plus the seeds:
#   dev/score_all.sh TAG          # builds in /tmp/sc-TAG-<corpus>, summary in /tmp/score-TAG.txt
#   CORPORA="dev/holdout31" dev/score_all.sh TAG   # only those corpora (and the seeds)
# The snapshot (/tmp/snap-TAG) lets the checkout change while the builds run; compare
# two runs with diff. Needs the texts (dev/README.md, "Bringing the texts back").
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tag="${1:?usage: dev/score_all.sh TAG}"
snap="/tmp/snap-$tag"
rm -rf "$snap" && mkdir -p "$snap"
cp -r "$here/briefgen" "$here/templates" "$here/mkdocs.yml" "$snap/"
# CORPORA="dev/holdout31 dev/holdout32" scores only those (and the seeds)
corpora=${CORPORA:-$(cd "$here" && for d in dev dev/holdout*; do [ -d "$d/articles" ] && echo "$d"; done)}
one() {
  local corpus=$1 name work
  name=$(basename "$corpus"); work="/tmp/sc-$TAG-$name"
  rm -rf "$work" && mkdir -p "$work/seeds"
  cp "$SNAP/mkdocs.yml" "$work/" && cp -r "$SNAP/templates" "$work/"
  cp "$HERE/$corpus"/articles/*.md "$work/seeds/"
  (cd "$work" && PYTHONPATH="$SNAP" "$HERE/.venv/bin/python" -m briefgen build -q \
    -f "$work/mkdocs.yml" > "$work/build.log" 2>&1) || echo "$name: build failed" >&2
  local e v=""
  e=$(python3 "$HERE/../shared/tools/score_entities.py" "$work/site/data/entities.json" \
      "$HERE/$corpus/gold-entities.yml" | tail -1)
  if [ -f "$HERE/$corpus/gold-events.yml" ]; then
    v=$(python3 "$HERE/../shared/tools/score_events.py" "$work/site/data" \
        "$HERE/$corpus/gold-events.yml" | tail -1)
  fi
  echo "$name | $e | $v"
}
export -f one
export TAG="$tag" SNAP="$snap" HERE="$here"
printf '%s\n' $corpora | xargs -P 2 -I{} bash -c 'one {}' | sort -V > "/tmp/score-$tag.txt"
seeds="/tmp/sc-$tag-seeds"
rm -rf "$seeds" && mkdir -p "$seeds"
cp "$snap/mkdocs.yml" "$seeds/" && cp -r "$snap/templates" "$here/seeds" "$seeds/"
(cd "$seeds" && PYTHONPATH="$snap" "$here/.venv/bin/python" -m briefgen build -q \
  -f "$seeds/mkdocs.yml" > "$seeds/build.log" 2>&1)
echo "seeds | $(python3 "$here/../shared/tools/score_entities.py" "$seeds/site/data/entities.json" \
  "$here/../shared/gold/seeds.yml" | tail -1) | $(python3 "$here/../shared/tools/score_events.py" \
  "$seeds/site/data" "$here/../shared/gold/seeds-events.yml" | tail -1)" >> "/tmp/score-$tag.txt"
cat "/tmp/score-$tag.txt"

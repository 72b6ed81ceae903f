#!/usr/bin/env bash
# The development figures a change is judged on, one line each (never the test split):
# French dev, French bank, English dev, English bank, the seeds and real news (the last two need ../shared).
#   bash bench/dev_figures.sh            # this checkout
#   bash bench/dev_figures.sh ../other   # another worktree, with its own code and language packs
set -u
tree=$(cd "${1:-$(dirname "$0")/..}" && pwd)
cd "$tree" || exit 1
export PYTHONPATH="$tree" FAITS_MODELS_DIR="$tree/models"
line() { echo "== $1"; shift; faits evaluate -q "$@" 2>&1 | tail -1; }
line "French dev" --gold corpus/gold.jsonl --articles corpus/articles --split dev
line "French bank" --gold corpus/constructions/gold.jsonl --articles corpus/constructions/sentences.jsonl
line "English dev" --gold corpus/en/gold.jsonl --articles corpus/en/articles --split dev
line "English bank" --gold corpus/en/constructions/gold.jsonl --articles corpus/en/constructions/sentences.jsonl
if [ -d ../shared ]; then
    line "seeds" --gold ../shared/gold/seeds.jsonl --articles ../shared/seeds
    echo "== real news"; python bench/real_news.py 2>&1 | tail -1
fi

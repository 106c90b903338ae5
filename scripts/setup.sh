#!/usr/bin/env bash
# Set up youthbot in .venv on a fresh machine (CPU-only torch), build the index, show an answer.
# Usage: scripts/setup.sh              install, build the index from corpus/, ask a sample question
#        scripts/setup.sh --no-index   install only (what CI does before the tests)
#        scripts/setup.sh --no-install index and sample answer only (after adding documents)
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${1:-}
PYTHON=${PYTHON:-python3}
SAMPLE_QUESTION="Kas organizēja tikšanos Liepājā?"

if [ "$MODE" != "--no-install" ]; then
    if [ ! -x .venv/bin/python ]; then
        "$PYTHON" -m venv .venv
    fi
    # The CPU build of torch first: with it installed, sentence-transformers' torch
    # requirement is already met and pip never reaches for a multi-GB CUDA build.
    .venv/bin/python -m pip install --quiet "torch==2.13.0"
    .venv/bin/python -m pip install --quiet -e ".[dev]"
    # An editable install leaves youthbot's own modules uncompiled: compile them now, as a
    # normal install does, so that no command (a cold `youthbot ask`) compiles them first.
    .venv/bin/python -m compileall -q src/youthbot
    .venv/bin/python - <<'PY'
import torch
assert not torch.version.cuda, f"a CUDA build of torch was installed ({torch.__version__})"
PY
fi

if [ "$MODE" != "--no-index" ]; then
    .venv/bin/youthbot index
    echo
    echo "\$ youthbot ask \"$SAMPLE_QUESTION\""
    .venv/bin/youthbot ask "$SAMPLE_QUESTION"
    echo
    echo "youthbot is ready. Next:"
    echo "  .venv/bin/youthbot          the chat app in this terminal"
    echo "  .venv/bin/youthbot serve    the web page: open http://127.0.0.1:8765/ in a browser"
fi

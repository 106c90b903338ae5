#!/usr/bin/env bash
# Set up youthbot in .venv on a fresh machine (CPU-only torch), then build the index.
# Usage: scripts/setup.sh            install, build the index from corpus/, ask a sample question
#        scripts/setup.sh --no-index install only (what CI does before the tests)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
# The CPU build of torch first: with it installed, sentence-transformers' torch
# requirement is already met and pip never reaches for a multi-GB CUDA build.
.venv/bin/python -m pip install --quiet "torch==2.13.0"
.venv/bin/python -m pip install --quiet -e ".[dev]"
.venv/bin/python - <<'PY'
import torch
assert not torch.version.cuda, f"a CUDA build of torch was installed ({torch.__version__})"
PY

if [ "${1:-}" != "--no-index" ]; then
    .venv/bin/youthbot index
    echo
    echo '$ youthbot ask "Kas organizēja tikšanos Liepājā?"'
    .venv/bin/youthbot ask "Kas organizēja tikšanos Liepājā?"
fi

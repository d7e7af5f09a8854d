#!/usr/bin/env bash
# Screenshots of the real app under Xvfb on the demo database → docs/screenshots/*.png
# Needs xvfb (make sysdeps-x installs it). Usage: bash tools/screenshots.sh [extra args for screenshots.py]
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY=python3
# The window's own platform, not the offscreen one tests use.
unset QT_QPA_PLATFORM
exec xvfb-run -a -s "-screen 0 1400x900x24" "$PY" tools/screenshots.py "$@"

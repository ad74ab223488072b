#!/usr/bin/env bash
# Set up Coach from a fresh clone, then start the app or run the tests.
#
#   ./dev.sh start [coach options]   set up, then start the application
#   ./dev.sh test  [pytest options]  set up, then run the test suite
#
# Setting up means: the system packages Qt, speech and the fonts need (installed with
# apt-get when missing and permitted, otherwise the exact command is printed), a
# virtual environment in .venv, and Coach installed in it with its test extras.
set -euo pipefail

cd "$(dirname "$0")"
VENV=.venv
PYTHON=${PYTHON:-python3}

# Qt's xcb and EGL libraries, PulseAudio for QtMultimedia, the system's espeak-ng (speech
# uses espeak-ng 1.52 from the espeakng-loader wheel, and falls back to this one where
# the wheel has no build), fonts with Arabic and Ethiopic glyphs, the venv module,
# gettext for `msgfmt --check` in the catalog tests, and poppler-utils (pdftoppm) for
# the tests that read the take-home sheets back; Xvfb, D-Bus, the accessibility bus and
# the system Python's pyatspi for the tests that read Coach as a screen reader does
# (tests/atspi/).
SYSTEM_PACKAGES=(
  python3-venv espeak-ng libespeak-ng1 fonts-noto-core gettext poppler-utils
  xvfb dbus-x11 at-spi2-core python3-pyatspi
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libpulse0
)

say() { printf 'coach setup: %s\n' "$*" >&2; }

install_system_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    say "not a Debian/Ubuntu system: install espeak-ng, Qt 6's xcb libraries and Noto fonts yourself."
    return 0
  fi
  local missing=()
  for package in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local command="apt-get update && apt-get install -y ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      say "these system packages are missing: ${missing[*]}"
      say "install them with:  sudo sh -c '$command'"
      exit 1
    fi
  fi
  say "installing system packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

check_python() {
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    say "Coach needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1 || echo missing)."
    say "install it with:  sudo apt-get install -y python3 python3-venv"
    exit 1
  fi
}

install_python_packages() {
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment in $VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  # Reinstall only when the project's metadata or this setup changed since the last install.
  # pip 26 first: the `coach` script older pips write starts with `import re`, 5 ms of
  # every `coach` command (docs/performance.md, "`coach speak`"). Then no setuptools: the
  # venv of Python 3.11 brings it, nothing of Coach uses it (pip builds in isolation), and
  # its distutils-precedence.pth costs every Python start in the venv 0.3 ms (Python 3.12
  # and later make venvs without it). A venv set up before is redone once, as the stamp says.
  local stamp="$VENV/.coach-installed"
  local wanted
  wanted="$(sha256sum pyproject.toml | cut -d' ' -f1) pip>=26 no-setuptools"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    say "installing Coach and its test tools into $VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=26'
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[test]'
    if "$VENV/bin/python" -m pip show --quiet setuptools >/dev/null 2>&1; then
      "$VENV/bin/python" -m pip uninstall --quiet --disable-pip-version-check --yes setuptools
    fi
    echo "$wanted" > "$stamp"
  fi
}

setup() {
  check_python
  install_system_packages
  install_python_packages
}

# True when the pytest arguments pick no subset (no test file or folder, no -k, -m or --lf):
# the whole suite, as CI runs it.
whole_suite() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      -k*|-m*|--lf|--last-failed|--deselect*|--sw|--stepwise) return 1 ;;
      -*) continue ;;
    esac
    [ -e "${arg%%::*}" ] && return 1
  done
  return 0
}

# After the whole suite: the window benches at small scale (bench/quick.py), figures written
# to build/bench-quick.txt and printed. Figures only, never compared with a target (a slow
# shared machine must not fail a build); only a bench that cannot run fails.
# COACH_QUICK_BENCH=0 skips it.
quick_bench() {
  say "quick bench (figures only, not pass/fail): build/bench-quick.txt"
  mkdir -p build
  if ! "$VENV/bin/python" bench/quick.py --out build/bench-quick.txt > build/bench-quick.log 2>&1; then
    tail -n 30 build/bench-quick.log >&2
    say "the quick bench could not run (its log: build/bench-quick.log)"
    exit 1
  fi
  cat build/bench-quick.txt
}

case "${1:-}" in
  start)
    shift
    setup
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      say "no screen found (DISPLAY is not set): start Coach from a desktop session."
      exit 1
    fi
    exec "$VENV/bin/coach" "$@"
    ;;
  test)
    shift
    setup
    export QT_QPA_PLATFORM=offscreen
    say "checking types (mypy)"
    "$VENV/bin/python" -m mypy
    if whole_suite "$@"; then
      # The whole suite on every core (COACH_TEST_WORKERS=0 runs it in one process).
      "$VENV/bin/python" -m pytest -n "${COACH_TEST_WORKERS:-auto}" "$@"
    else
      "$VENV/bin/python" -m pytest "$@"
    fi
    if whole_suite "$@" && [ "${COACH_QUICK_BENCH:-1}" != 0 ]; then
      quick_bench
    fi
    ;;
  *)
    echo "usage: ./dev.sh start [coach options] | ./dev.sh test [pytest options]" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Installs the npm packages the tests and the font bundle use, from the npm registry, into the
# git-ignored folder .node/ (never loaded from a CDN at run time):
#   axe-core              accessibility checks injected by the end-to-end tests (MPL-2.0)
#   @fontsource/source-sans-3  the app's font (SIL OFL 1.1), copied to assets/fonts/ by
#                         scripts/vendor_fonts.sh when it is updated
# Idempotent: does nothing when the pinned versions are present. Needs node and npm
# (Debian packages nodejs and npm, installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
AXE_VERSION=4.11.0
FONT_VERSION=5.2.8
if [ -f .node/node_modules/axe-core/axe.min.js ] && \
   grep -q "\"version\": \"$AXE_VERSION\"" .node/node_modules/axe-core/package.json; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
fi
mkdir -p .node
npm install --prefix .node --no-save --no-audit --no-fund --silent \
  "axe-core@$AXE_VERSION" "@fontsource/source-sans-3@$FONT_VERSION"

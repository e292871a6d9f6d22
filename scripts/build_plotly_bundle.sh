#!/usr/bin/env bash
# Builds the app's own partial plotly.js bundle and vendors it as
#   assets/vendor/plotly-<version>-loftet.min.js   (plus plotly.js's licence, plotly-LICENSE.txt)
# The bundle registers only the trace types the app draws in the browser (TRACES below; scatter
# is always in plotly.js's core). Dash serves every .js in assets/ as a <script>, so the page has
# `window.Plotly` before any chart renders and dcc.Graph never fetches the full 4.8 MB
# plotly.min.js that the Python plotly package ships. Image export (kaleido) keeps using that
# full bundle in its own browser.
#
# <version> is the plotly.js the locked Python plotly ships (plotly.offline.get_plotlyjs_version),
# so the browser and the exports draw with the same plotly.js. Run this script after upgrading
# plotly, or when a figure starts using a new trace type (add it to TRACES): the unit test
# tests/unit/test_plotly_bundle_version.py fails until the bundle matches the Python package, and
# tests/integration/test_plotly_bundle_traces.py fails when a chart draws a trace the bundle lacks.
# Commit the output; a fresh clone needs no build step.
#
# Installs plotly.js (that exact version) and a pinned esbuild from the npm registry into the
# git-ignored .node/plotly-bundle/ (install scripts are not run), then runs
# scripts/build_plotly_bundle.mjs. The header comment of the bundle names the version and the
# registered traces (`traces: a,b,c`); the tests read it. Needs node and npm (Debian packages
# nodejs and npm, installed here when missing), and .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
ESBUILD_VERSION=0.28.2
TRACES="bar box choropleth heatmap scattergeo"
VERSION=$(.venv/bin/python -c \
  "from plotly.offline import get_plotlyjs_version as v; print(v())")
WORK=.node/plotly-bundle
OUT=assets/vendor/plotly-$VERSION-loftet.min.js

if ! command -v npm >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
fi
mkdir -p "$WORK"
echo "==> npm install plotly.js@$VERSION esbuild@$ESBUILD_VERSION into $WORK"
npm install --prefix "$WORK" --no-save --no-audit --no-fund --ignore-scripts --silent \
  --engine-strict=false "plotly.js@$VERSION" "esbuild@$ESBUILD_VERSION"

echo "==> building $OUT"
# An older version's bundle must go: two plotly.js scripts would both load.
find assets/vendor -maxdepth 1 -name 'plotly-*-loftet.min.js' ! -name "$(basename "$OUT")" \
  -print -delete
node scripts/build_plotly_bundle.mjs "$WORK/node_modules" "$VERSION" "$OUT" $TRACES
cp "$WORK/node_modules/plotly.js/LICENSE" assets/vendor/plotly-LICENSE.txt
echo "==> done: $(wc -c <"$OUT") bytes, $(gzip -9c "$OUT" | wc -c) gzipped"

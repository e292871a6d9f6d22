#!/usr/bin/env bash
# Copies the app's font, Source Sans 3 (SIL OFL 1.1), from the npm package @fontsource/source-sans-3
# (installed into .node/ by scripts/install_node_packages.sh, version pinned there) to
# assets/fonts/, where the app serves it and the image export reads it. The files are committed:
# run this only after changing the pinned version, then commit assets/fonts/.
# Weights 400, 600 and 700, Latin and Latin Extended (Norwegian, Sámi); assets/fonts/source-sans-3.css
# declares them and is kept by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_node_packages.sh
package=.node/node_modules/@fontsource/source-sans-3
for subset in latin latin-ext; do
  for weight in 400 600 700; do
    cp "$package/files/source-sans-3-$subset-$weight-normal.woff2" assets/fonts/
  done
done
cp "$package/LICENSE" assets/fonts/LICENSE-source-sans-3.txt
echo "assets/fonts/ updated from @fontsource/source-sans-3 $(node -p "require('./$package/package.json').version")"

"""The vendored partial plotly.js bundle is the plotly.js the Python plotly package ships: an
upgrade of plotly without running `scripts/build_plotly_bundle.sh` fails here, so the browser
never draws with another plotly.js than the image exports (kaleido uses the package's own)."""

from __future__ import annotations

import re

from plotly.offline import get_plotlyjs_version

from tests.plotly_bundle import VENDOR, vendored_bundle, vendored_bundles

EMBEDDED_VERSION = re.compile(r'\.version="([^"]+)"')
"""How plotly.js's `src/version.js` reads once minified: `<module>.version="4.1.1"`."""


def test_there_is_exactly_one_vendored_plotly_bundle() -> None:
    # Two would both load as <script>s from /assets, the later one winning.
    assert len(vendored_bundles()) == 1


def test_the_bundle_header_names_the_python_packages_plotly_js_version() -> None:
    bundle = vendored_bundle()
    assert bundle.version == get_plotlyjs_version()
    assert bundle.path.name == f"plotly-{get_plotlyjs_version()}-loftet.min.js"


def test_the_code_inside_the_bundle_is_that_version() -> None:
    code = vendored_bundle().path.read_text(encoding="utf-8")
    assert set(EMBEDDED_VERSION.findall(code)) == {get_plotlyjs_version()}


def test_the_bundle_registers_scatter_and_ships_with_plotly_js_licence() -> None:
    assert "scatter" in vendored_bundle().traces
    licence = (VENDOR / "plotly-LICENSE.txt").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "Plotly" in licence

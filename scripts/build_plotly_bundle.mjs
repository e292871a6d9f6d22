// Builds a minified plotly.js bundle registering only the given traces (see
// scripts/build_plotly_bundle.sh, which installs the packages and calls this).
//
//   node scripts/build_plotly_bundle.mjs <node_modules> <version> <outfile> <trace>...
//
// Follows plotly.js's own partial bundles (lib/index-*.js, built with esbuild): an entry that
// requires lib/core (which registers scatter) and registers lib/<trace> for each trace, as an
// IIFE with the global name `Plotly`; the footer sets `window.Plotly` explicitly, as plotly.js's
// dist bundles do. Like those bundles, the attribute descriptions (documentation text for
// Plotly.PlotSchema, never used to draw) are emptied. The result is checked: it parses, it holds
// no eval or new Function (the app's Content-Security-Policy forbids 'unsafe-eval'), and the
// plotly.js inside is <version>.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [modules, version, outfile, ...extra] = process.argv.slice(2);
if (!modules || !version || !outfile || extra.length === 0) {
  console.error('usage: build_plotly_bundle.mjs <node_modules> <version> <outfile> <trace>...');
  process.exit(2);
}
const { build, transform, version: esbuildVersion } = await import(
  path.resolve(modules, 'esbuild', 'lib', 'main.js')
);
const plotlyDir = path.resolve(modules, 'plotly.js');
const installed = JSON.parse(readFileSync(path.join(plotlyDir, 'package.json'), 'utf8')).version;
if (installed !== version) {
  throw new Error(`plotly.js ${installed} is installed, ${version} was asked for`);
}
const traces = [...new Set(['scatter', ...extra])].sort();

const entry = [
  "'use strict';",
  "var Plotly = require('plotly.js/lib/core');",
  'Plotly.register([',
  ...extra.map((t) => `  require('plotly.js/lib/${t}'),`),
  ']);',
  'module.exports = Plotly;',
].join('\n');

const result = await build({
  stdin: { contents: entry, resolveDir: path.resolve(modules), sourcefile: 'loftet-plotly.js' },
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'Plotly',
  target: 'es2016',
  define: { global: 'window', 'define.amd': 'false' },
  // The only stylesheet plotly.js imports is maplibre's, for map traces this bundle leaves out.
  loader: { '.css': 'empty' },
  legalComments: 'eof',
  charset: 'utf8',
  write: false,
  logLevel: 'warning',
});
let code = result.outputFiles[0].text;

// Empty the attribute descriptions: `description:"…"` and `description:["…","…"].join(" ")`
// right after `{` or `,` (a property), in esbuild's minified output (always double quotes).
const STRING = '"(?:[^"\\\\\\n]|\\\\.)*"';
const before = code.length;
code = code
  .replace(new RegExp(`([{,])description:\\[(?:${STRING},?)*\\]\\.join\\(" "\\)`, 'g'), '$1description:""')
  .replace(new RegExp(`([{,])description:${STRING}`, 'g'), '$1description:""');
console.log(`descriptions emptied: ${before - code.length} bytes`);
await transform(code, { loader: 'js', minify: false }); // throws if the result does not parse

const evalUse = code.match(/(?:^|[^\w$.])eval\s*\(|new\s+Function\s*\(|[^\w$.]Function\s*\(\s*"/);
if (evalUse) {
  throw new Error(`the bundle evaluates code (${evalUse[0]}): the CSP forbids it`);
}
if (!code.includes(`version="${version}"`) && !code.includes(`version:"${version}"`)) {
  throw new Error(`plotly.js version ${version} not found in the bundle`);
}

const header = [
  `/*! plotly.js v${version}, partial bundle for Loftet-monitor (minified)`,
  ` * traces: ${traces.join(',')}`,
  ` * Built by scripts/build_plotly_bundle.sh with esbuild ${esbuildVersion}; attribute`,
  ' * descriptions removed. Copyright Plotly, Inc. Licensed under the MIT license',
  ' * (plotly-LICENSE.txt); bundled packages keep their licence notices at the end.',
  ' */',
].join('\n');
writeFileSync(outfile, `${header}\n${code.trimEnd()}\nwindow.Plotly = Plotly;\n`);
console.log(`${outfile}: traces ${traces.join(', ')}`);

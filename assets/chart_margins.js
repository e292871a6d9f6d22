// Remembered chart margins: a chart seen before is drawn once, not two or three times.
//
// Plotly draws a chart with the figure's margins, measures its tick labels, legend and titles
// ("automargin"), and when they need more room it draws the whole chart again with the wider
// margins, sometimes twice. The repeated drawing is half to two thirds of a chart's drawing
// time. This script keeps, in the browser's localStorage, the margins Plotly settled on for each
// figure it drew, and passes them in the next time the same figure is drawn in a chart of the
// same size: Plotly then finds every label already fits and draws once. The result is the same
// chart, pixel for pixel, because the remembered margins are those Plotly computed for exactly
// this figure, size and font state (all part of the key); a figure never seen is drawn as usual.
//
// Installed on Plotly.react (what dcc.Graph calls) once the page's scripts have run; without
// plotly.js on the page (it is loaded eagerly from assets/vendor/) nothing changes.
(function () {
  "use strict";
  var STORE = "loftet.marginer.v1";
  var LIMIT = 400; // entries kept; about 80 bytes each
  var SIDES = ["l", "r", "t", "b"];

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(STORE)) || {};
    } catch (e) {
      return {};
    }
  }

  function save(entries) {
    var keys = Object.keys(entries);
    keys.slice(0, Math.max(0, keys.length - LIMIT)).forEach(function (k) { delete entries[k]; });
    try {
      window.localStorage.setItem(STORE, JSON.stringify(entries));
    } catch (e) { /* storage full or disabled: the charts draw as usual */ }
  }

  // FNV-1a, 32 bits: a short key for a long text (a collision only costs a redraw or, at worst,
  // margins a figure with the same key had).
  function hash(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(36) + "." + text.length.toString(36);
  }

  // Everything the settled margins depend on: the figure without its margins, the chart's size
  // and whether the web fonts have loaded (labels are measured in the font in use).
  function keyOf(gd, figure) {
    var layout = Object.assign({}, figure.layout);
    delete layout.margin;
    var fonts = document.fonts ? document.fonts.status : "";
    return hash(JSON.stringify([figure.data, layout, gd.clientWidth, gd.clientHeight, fonts]));
  }

  function withMargins(figure, margins) {
    var layout = Object.assign({}, figure.layout);
    layout.margin = Object.assign({}, layout.margin, margins);
    return Object.assign({}, figure, { layout: layout });
  }

  // The margins the chart has now, under the key of the figure it was last given: called after
  // each of its draws, also the redraws Plotly makes on its own (a resize), so what is kept is
  // where the chart settled, not a step on the way.
  function remember(gd) {
    var size = gd._fullLayout && gd._fullLayout._size;
    var key = gd.loftetMarginKey;
    if (!key || !size || (document.fonts && document.fonts.status !== "loaded")) { return; }
    var margins = {};
    SIDES.forEach(function (side) { margins[side] = size[side]; });
    var entries = load();
    delete entries[key]; // re-inserted last: the most recently drawn are kept
    entries[key] = margins;
    save(entries);
  }

  function follow(gd) {
    if (!gd.loftetRemember) {
      gd.loftetRemember = function () { remember(gd); };
    }
    if (gd.removeListener) { gd.removeListener("plotly_afterplot", gd.loftetRemember); }
    if (gd.on) { gd.on("plotly_afterplot", gd.loftetRemember); }
  }

  function install(Plotly) {
    if (!Plotly || !Plotly.react || Plotly.react.loftetMargins) { return; }
    var react = Plotly.react;
    var wrapped = function (gd, figure) {
      var plain = arguments.length !== 2 || !figure || !figure.layout || !gd || !gd.nodeType;
      if (plain) { return react.apply(this, arguments); }
      var key = keyOf(gd, figure);
      var known = load()[key];
      gd.loftetMarginKey = key;
      return Promise.resolve(react.call(this, gd, known ? withMargins(figure, known) : figure))
        .then(function (result) {
          follow(gd);
          remember(gd);
          return result;
        });
    };
    wrapped.loftetMargins = true;
    Plotly.react = wrapped;
  }

  if (window.Plotly) {
    install(window.Plotly);
  } else {
    document.addEventListener("DOMContentLoaded", function () { install(window.Plotly); });
  }
})();

// Presentation mode (/presentasjon): keyboard and button navigation, auto-advance and window
// size. The slide number lives here, in the browser, and is handed to Dash with set_props on
// every step: two quick key presses are two steps (Dash would merge two clicks on a button into
// one callback). The server then draws the slide and the shared URL sync writes `slide=`.
// Does nothing on other pages.
(function () {
  const PREFIX = "presentasjon-";
  const SLIDE_ID = {type: "urlstate", param: "slide"};
  const KEYS = {
    ArrowRight: "next", PageDown: "next", " ": "next", ArrowDown: "next",
    ArrowLeft: "prev", PageUp: "prev", ArrowUp: "prev",
    Home: "first", End: "last",
    p: "play", P: "play", f: "fullscreen", F: "fullscreen"
  };
  const state = {root: null, current: 1, total: 1};

  function root() { return document.querySelector(".presentation-root"); }

  // (Re)read the deck when the page was (re)drawn by the server.
  function sync() {
    const element = root();
    if (!element) { return false; }
    if (element !== state.root) {
      const counter = document.getElementById(PREFIX + "teller");
      const shown = counter ? parseInt(counter.textContent, 10) : 1;
      state.root = element;
      state.total = parseInt(element.dataset.count, 10) || 1;
      state.current = shown >= 1 && shown <= state.total ? shown : 1;
    }
    return true;
  }

  // The slide number after `action`; the timer wraps round from the last slide to the first.
  function target(action) {
    const n = state.current;
    switch (action) {
      case "next": return Math.min(state.total, n + 1);
      case "prev": return Math.max(1, n - 1);
      case "first": return 1;
      case "last": return state.total;
      case "tick": return n >= state.total ? 1 : n + 1;
      default: return n;
    }
  }

  function go(action) {
    if (!sync()) { return; }
    const wanted = target(action);
    if (wanted === state.current) { return; }
    state.current = wanted;
    const setProps = window.dash_clientside && window.dash_clientside.set_props;
    if (!setProps) { return; }
    setProps(SLIDE_ID, {value: wanted});
    setProps(PREFIX + "teller", {children: wanted + " / " + state.total});
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () { /* not allowed here */ });
    }
  }

  function act(action) {
    if (action === "fullscreen") { toggleFullscreen(); return; }
    if (action === "play") {
      const play = document.getElementById(PREFIX + "spill");
      if (play) { play.click(); }
      return;
    }
    go(action);
  }

  document.addEventListener("keydown", function (event) {
    if (!root() || event.altKey || event.ctrlKey || event.metaKey) { return; }
    const element = event.target;
    const tag = element && element.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" ||
        (element && element.isContentEditable)) { return; }
    // Space and Enter on a focused button or link press it, as everywhere else.
    if ((event.key === " " || event.key === "Enter") && (tag === "BUTTON" || tag === "A")) {
      return;
    }
    let action = KEYS[event.key];
    if (event.key === " " && event.shiftKey) { action = "prev"; }
    if (!action) { return; }
    event.preventDefault();
    act(action);
  });

  document.addEventListener("click", function (event) {
    const button = event.target.closest && event.target.closest("button");
    if (!button || !root()) { return; }
    if (button.dataset.action) { act(button.dataset.action); }
    if (button.dataset.dismiss === "notice") {
      const notice = button.closest(".presentation-notice");
      if (notice) { notice.remove(); }
    }
  });

  function windowSize() {
    return {width: window.innerWidth, height: window.innerHeight};
  }

  // A resized window (projector connected, browser made full screen) redraws the chart with
  // text scaled to the new size.
  let resizeTimer = null;
  window.addEventListener("resize", function () {
    if (!root()) { return; }
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      if (window.dash_clientside && window.dash_clientside.set_props) {
        window.dash_clientside.set_props(PREFIX + "visning", {data: windowSize()});
      }
    }, 300);
  });

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    presentasjon: {
      viewport: function () { return windowSize(); },
      tick: function (ticks) {
        if (ticks) { go("tick"); }
        return window.dash_clientside.no_update;
      }
    }
  });
})();

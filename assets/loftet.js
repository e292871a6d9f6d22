// URL state without page reloads: the controls' values are written to the query string with
// history.replaceState, and the navigation links carry the shared filters to the next page.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  loftet: {
    syncUrl: function (values, ids, config) {
      const shared = config.shared;
      const defaults = config.defaults;
      const params = new URLSearchParams();
      const navParams = new URLSearchParams();
      ids.forEach(function (id, i) {
        const v = values[i];
        if (v === null || v === undefined || v === "") { return; }
        if (defaults[id.param] === String(v)) { return; }
        params.set(id.param, v);
        if (shared.includes(id.param)) { navParams.set(id.param, v); }
      });
      const query = params.toString();
      const url = window.location.pathname + (query ? "?" + query : "");
      if (url !== window.location.pathname + window.location.search) {
        window.history.replaceState(null, "", url);
      }
      const navQuery = navParams.toString();
      document.querySelectorAll("a[data-nav-path]").forEach(function (a) {
        a.setAttribute("href", a.dataset.navPath + (navQuery ? "?" + navQuery : ""));
      });
      return query;
    },
    copyLink: function (n) {
      if (!n) { return window.dash_clientside.no_update; }
      const href = window.location.href;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(href);
      } else {
        const area = document.createElement("textarea");
        area.value = href; document.body.appendChild(area); area.select();
        try { document.execCommand("copy"); } catch (e) { /* nothing else to try */ }
        document.body.removeChild(area);
      }
      // Restart the fade of the confirmation on every click (assets/loftet.css).
      const status = document.getElementById("copy-link-status");
      if (status) {
        status.classList.remove("copy-status-show");
        void status.offsetWidth;
        status.classList.add("copy-status-show");
      }
      return "Lenken er kopiert";
    }
  }
});

// Accessibility fixes for components we do not render ourselves (WCAG 2.1 AA, checked with
// axe-core in the end-to-end tests): Dash 4's dropdown puts its tab stop on an input hidden
// from screen readers (aria-hidden) and takes its labelled button out of the tab order; here
// the button is the tab stop (Enter or Space opens the list) and the hidden input is not.
// A progress bar needs a name.
(function () {
  function fix(root) {
    root.querySelectorAll(".dash-dropdown-wrapper").forEach(function (wrapper) {
      const hidden = wrapper.querySelector("input.dash-dropdown-focus-target");
      const button = wrapper.querySelector("button.dash-dropdown");
      if (hidden && hidden.tabIndex !== -1) { hidden.tabIndex = -1; }
      if (button && button.tabIndex !== 0 && !button.disabled) { button.tabIndex = 0; }
    });
    root.querySelectorAll("input[aria-hidden='true']")
      .forEach(function (el) { if (el.tabIndex !== -1) { el.tabIndex = -1; } });
    root.querySelectorAll(".progress-bar:not([aria-label])")
      .forEach(function (el) { el.setAttribute("aria-label", "Fremdrift"); });
  }
  function start() {
    fix(document);
    new MutationObserver(function () { fix(document); })
      .observe(document.body, {childList: true, subtree: true});
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();

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

// In-app navigation: a click on a menu link changes the page the way dcc.Link does (history
// pushState and Dash's own location event), so the browser does not reload and start Dash,
// plotly.js and AG Grid again on every page. The links keep a real href (the shared filters
// are written into it above), so a new tab, a middle click or a page without JavaScript work
// as before. Focus moves to the new page's heading, so screen readers announce the change.
(function () {
  function focusNewHeading(previous, tries) {
    const heading = document.querySelector("h1");
    if (heading && heading !== previous) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({preventScroll: true});
    } else if (tries > 0) {
      window.setTimeout(function () { focusNewHeading(previous, tries - 1); }, 50);
    }
  }
  document.addEventListener("click", function (event) {
    const link = event.target.closest ? event.target.closest("a[data-nav-path]") : null;
    if (!link || event.defaultPrevented || event.button !== 0) { return; }
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
    if (link.target && link.target !== "_self") { return; }
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin) { return; }
    event.preventDefault();
    const previous = document.querySelector("h1");
    window.history.pushState({}, "", url.pathname + url.search);
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    window.scrollTo(0, 0);
    focusNewHeading(previous, 200);
  });
})();

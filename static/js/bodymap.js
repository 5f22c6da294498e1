/* Bodymap: instant region picking on the figure. Without this file everything still
   works through plain links and forms; with it, a tap toggles the region at once and
   htmx fetches only the results. The checkboxes of #picker hold the selection. */
(function () {
  "use strict";

  // htmx arrives when the person first reaches for the page (pointer, touch, key or
  // focus), not with it: it was a third of a first visit's bytes. A pick made before it
  // is here shows at once and waits for it; if it cannot load, the form is sent the
  // plain way. (htmx is added only once the document is complete: before that it would
  // wait for a DOMContentLoaded that has already passed.)
  var picksWaiting = false;
  function picker() { return document.getElementById("picker"); }
  function loadHtmx() {
    var host = document.querySelector("[data-htmx-src]");
    if (!host || window.htmx || document.getElementById("htmx-script")) return;
    if (document.readyState !== "complete") {
      window.addEventListener("load", loadHtmx, { once: true });
      return;
    }
    var script = document.createElement("script");
    script.id = "htmx-script";
    script.src = host.getAttribute("data-htmx-src");
    script.onload = function () {
      if (picksWaiting && picker()) window.htmx.trigger(picker(), "change");
      picksWaiting = false;
      // Words typed (or pasted) into the place search before htmx came.
      var q = document.getElementById("place-q");
      if (q && q.value) window.htmx.trigger(q, "search");
    };
    script.onerror = function () {
      if (picksWaiting && picker()) picker().submit();
    };
    document.head.appendChild(script);
  }
  ["pointerover", "pointerdown", "touchstart", "keydown", "focusin"].forEach(function (type) {
    document.addEventListener(type, loadHtmx, { capture: true, passive: true, once: true });
  });
  function picksChanged() {
    if (window.htmx) {
      window.htmx.trigger(picker(), "change");
    } else {
      picksWaiting = true;
      loadHtmx();
    }
  }

  // Links of the figure panel that change one setting (view, mode) were written with the
  // picks of their time; picks made since live in the address. Point them at it when used.
  var DEFAULTS = { view: "front", mode: "patient" };
  function stateUrl(el) {
    var set = el.getAttribute("data-set").split("=");
    var url = new URL(window.location.href);
    if (DEFAULTS[set[0]] === set[1]) url.searchParams.delete(set[0]);
    else url.searchParams.set(set[0], set[1]);
    return url.pathname + url.search;
  }
  document.addEventListener("click", function (e) {
    var el = e.target.closest && e.target.closest("a[data-set]");
    if (el) el.setAttribute("href", stateUrl(el));
  }, true);
  document.addEventListener("htmx:configRequest", function (e) {
    var el = e.detail.elt;
    if (el && el.matches && el.matches("a[data-set]")) e.detail.path = stateUrl(el);
  });

  function boxFor(id) {
    return document.querySelector('#picker input[name="region"][value="' + CSS.escape(id) + '"]');
  }

  function sync() {
    document.querySelectorAll("a.region[data-region]").forEach(function (a) {
      var box = boxFor(a.getAttribute("data-region"));
      if (!box) return;
      a.classList.toggle("picked", box.checked);
      a.setAttribute("aria-checked", box.checked ? "true" : "false");
    });
    document.querySelectorAll("a.suggestion[data-region]").forEach(function (a) {
      var box = boxFor(a.getAttribute("data-region"));
      if (box) a.classList.toggle("picked", box.checked);
    });
  }

  function toggle(id) {
    var box = boxFor(id);
    if (!box) return false;
    box.checked = !box.checked;
    sync();
    picksChanged();
    return true;
  }

  function showView(name) {
    var figures = document.querySelector(".figures");
    if (figures) figures.setAttribute("data-current", name);
    document.querySelectorAll(".figures .view, .view-tabs .tab").forEach(function (el) {
      var on = el.getAttribute("data-view") === name;
      el.classList.toggle("current", on);
      if (el.classList.contains("tab")) {
        if (on) el.setAttribute("aria-current", "true"); else el.removeAttribute("aria-current");
      }
    });
    var form = document.getElementById("picker");
    if (form) {
      var input = form.querySelector('input[name="view"]');
      if (!input) {
        input = document.createElement("input");
        input.type = "hidden";
        input.name = "view";
        form.prepend(input);
      }
      input.value = name;
    }
    var url = new URL(window.location.href);
    if (name === "front") url.searchParams.delete("view"); else url.searchParams.set("view", name);
    history.replaceState(history.state, "", url);
  }

  document.addEventListener("click", function (e) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var link = e.target.closest("a[data-region]");
    if (link && toggle(link.getAttribute("data-region"))) {
      e.preventDefault();
      return;
    }
    var tab = e.target.closest(".view-tabs a[data-view]");
    // A view that is not on the page (close-ups; the widget has one view) is fetched by
    // the tab itself: htmx swaps the explorer, or without it the link loads the page.
    if (tab && document.querySelector('.figures .view[data-view="' + tab.getAttribute("data-view") + '"]')) {
      e.preventDefault();
      showView(tab.getAttribute("data-view"));
    }
  });

  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest("[data-print]")) window.print();
  });

  // Chairside keyboard shortcuts (listed in the #shortcuts dialog). Not while typing.
  var VIEW_KEYS = { f: "front", b: "back", h: "head", a: "hands" };
  function openShortcuts() {
    var d = document.getElementById("shortcuts");
    if (d && !d.open) d.showModal();
  }
  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest('[data-open="shortcuts"]')) openShortcuts();
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (t && t.matches && (t.matches("input, textarea, select") || t.isContentEditable)) return;
    if (document.querySelector("dialog[open]")) return;
    if (VIEW_KEYS[e.key]) {
      var t2 = document.querySelector('.view-tabs a[data-view="' + VIEW_KEYS[e.key] + '"]');
      if (t2) { e.preventDefault(); t2.click(); }
      return;
    }
    if (e.key === "/") { e.preventDefault(); var q = document.getElementById("place-q"); if (q) q.focus(); return; }
    if (e.key === "?") { e.preventDefault(); openShortcuts(); return; }
    var link = document.querySelector('[data-shortcut="' + e.key + '"]');
    if (link && (e.key === "c" || e.key === "m")) { e.preventDefault(); link.click(); }
  });

  document.addEventListener("keydown", function (e) {
    if ((e.key === " " || e.key === "Spacebar") && e.target.matches && e.target.matches("a.region")) {
      e.preventDefault();
      toggle(e.target.getAttribute("data-region"));
    }
  });

  // Hovering or focusing a candidate previews its pattern on the figure.
  var previewed = null;
  function preview(li, on) {
    ["essential", "spillover"].forEach(function (zone) {
      (li.getAttribute("data-" + zone) || "").split(" ").forEach(function (id) {
        if (!id) return;
        document.querySelectorAll('a.region[data-region="' + CSS.escape(id) + '"]').forEach(function (a) {
          a.classList.toggle("preview-" + zone, on);
        });
      });
    });
  }
  function previewFrom(target) {
    var li = target && target.closest ? target.closest(".candidate[data-essential]") : null;
    if (li === previewed) return;
    if (previewed) preview(previewed, false);
    previewed = li;
    if (li) preview(li, true);
  }
  document.addEventListener("mouseover", function (e) { previewFrom(e.target); });
  document.addEventListener("focusin", function (e) { previewFrom(e.target); });
  document.addEventListener("htmx:beforeSwap", function () { previewFrom(null); });

  document.addEventListener("change", function (e) {
    if (!e.target.matches) return;
    if (e.target.matches('#picker input[name="region"]')) {
      sync();
      if (!window.htmx) picksChanged(); // with htmx here, it heard this change itself
    }
    // Checklist answers live in the results panel but belong to the #picker form.
    if (e.target.matches('input[name="yes"]') && picker()) picksChanged();
  });
  document.addEventListener("htmx:afterSettle", sync);

  // Inside a clinic's page: tell the host page how tall the widget is, so embed.js can
  // size the frame. The height is all it learns.
  if (window.parent !== window && document.body && document.body.classList.contains("embed")) {
    var lastHeight = 0;
    var postHeight = function () {
      var h = document.documentElement.scrollHeight;
      if (h !== lastHeight) {
        lastHeight = h;
        window.parent.postMessage({ type: "bodymap:height", height: h }, "*");
      }
    };
    new ResizeObserver(postHeight).observe(document.body);
    postHeight();
  }
  document.addEventListener("htmx:historyRestore", sync);
})();

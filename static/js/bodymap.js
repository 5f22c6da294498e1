/* Bodymap: instant region picking on the figure. Without this file everything still
   works through plain links and forms; with it, a tap toggles the region at once and
   htmx fetches only the results. The checkboxes of #picker hold the selection. */
(function () {
  "use strict";

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
    box.dispatchEvent(new Event("change", { bubbles: true }));
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
    // A view that is not on the page (the widget sends one at a time) loads by its link.
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
    if (e.target.matches('#picker input[name="region"]')) sync();
    // Checklist answers live in the results panel but belong to the #picker form.
    if (e.target.matches('input[name="yes"]') && window.htmx) {
      window.htmx.trigger(document.getElementById("picker"), "change");
    }
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

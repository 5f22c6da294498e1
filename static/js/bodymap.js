/* Bodymap: instant picking. Without this file, plain links and forms do everything. With
   it, a tap shows at once and htmx swaps in the explorer the server drew for the new
   state: every link is the server's; nothing here rewrites one. */
(function () {
  "use strict";

  // htmx (a third of a first visit's bytes) comes on the first pointer, touch, key or
  // focus. What is asked of it before then waits; if it fails, the plain way is used. It
  // is added once the document is complete (else it waits for a past DOMContentLoaded).
  var waiting = null;
  function withHtmx(run, fallback) {
    if (window.htmx) return run();
    waiting = { run: run, fallback: fallback };
    loadHtmx();
  }
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
      if (waiting) waiting.run();
      waiting = null;
      // Words typed (or pasted) into the place search before htmx came.
      var q = document.getElementById("place-q");
      if (q && q.value) window.htmx.trigger(q, "search");
    };
    script.onerror = function () {
      if (waiting) waiting.fallback();
      waiting = null;
    };
    document.head.appendChild(script);
  }
  ["pointerover", "pointerdown", "touchstart", "keydown", "focusin"].forEach(function (type) {
    document.addEventListener(type, loadHtmx, { capture: true, passive: true, once: true });
  });

  // #picker holds the server's picks; htmx sends it on "change" (hx-sync: newest wins).
  function picker() { return document.getElementById("picker"); }
  function sendPicks() {
    withHtmx(function () { window.htmx.trigger(picker(), "change"); },
      function () { picker().submit(); });
  }
  function toggle(id) {
    var box = picker() && picker().querySelector('input[name="region"][value="' + CSS.escape(id) + '"]');
    if (!box) return false;
    box.checked = !box.checked;
    // Shown at once; the server's answer redraws the figure a moment later.
    document.querySelectorAll('a.region[data-region="' + CSS.escape(id) + '"]').forEach(function (a) {
      a.classList.toggle("picked", box.checked);
      a.setAttribute("aria-checked", box.checked ? "true" : "false");
    });
    sendPicks();
    return true;
  }

  // A view on the page is shown at once and sent like a pick: #picker holds the whole
  // state, and its requests form one queue (a newer one replaces an older), so a tap
  // right after switching views keeps both.
  function setPickerView(name) {
    var input = picker().querySelector('input[name="view"]');
    if (name === "front") {
      if (input) input.remove();
      return;
    }
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = "view";
      picker().prepend(input);
    }
    input.value = name;
  }

  function showView(name) {
    var figures = document.querySelector(".figures");
    if (figures) figures.setAttribute("data-current", name);
    document.querySelectorAll(".figures .view, .view-tabs .tab").forEach(function (el) {
      el.classList.toggle("current", el.getAttribute("data-view") === name);
    });
  }

  document.addEventListener("click", function (e) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var link = e.target.closest("a[data-region]");
    if (link && toggle(link.getAttribute("data-region"))) {
      e.preventDefault();
      return;
    }
    var tab = e.target.closest(".view-tabs a[data-view]");
    if (!tab) return;
    var url = tab.getAttribute("href");
    // A view on the page shows at once, then goes to the server with the picks (its links
    // carry the view). Other tabs are htmx's own (hx-get), or wait for it.
    var name = tab.getAttribute("data-view");
    if (document.querySelector('.figures .view[data-view="' + name + '"]') && picker()) {
      e.preventDefault();
      showView(name);
      setPickerView(name);
      sendPicks();
    } else if (!window.htmx) {
      e.preventDefault();
      withHtmx(function () { window.htmx.trigger(tab, "click"); },
        function () { window.location.href = url; });
    }
  });

  // After a swap, keep focus on the same place or box. Typed words stay (hx-preserve);
  // their suggestions are fetched again, as their links changed.
  var refocus = null;
  // The swaps for a new state: the whole explorer, or a tap's results and then its figures.
  function swapsState(el) { return el && /^(explorer|results|figures)$/.test(el.id); }
  document.addEventListener("htmx:beforeSwap", function (e) {
    if (!swapsState(e.detail.target)) return;
    var el = document.activeElement;
    var id = el && el.getAttribute && el.getAttribute("data-region");
    var fig = id && el.closest("figure[data-view]");
    refocus = id ? (fig ? 'figure[data-view="' + fig.getAttribute("data-view") + '"] ' : "") +
      "a." + el.classList[0] + '[data-region="' + CSS.escape(id) + '"]' : null;
    if (el && el.matches && el.matches("input[type=checkbox][name]")) {
      refocus = 'input[name="' + el.name + '"][value="' + CSS.escape(el.value) + '"]';
    }
  });
  // On afterSwap, not afterSettle: a key pressed during the settle delay would be lost.
  document.addEventListener("htmx:afterSwap", function (e) {
    var q = document.getElementById("place-q");
    // The search form's picks come with the explorer, or with the figures that follow a
    // tap's results (not with the results themselves).
    var searching = swapsState(e.detail.target) && e.detail.target.id !== "results" && q && q.value;
    if (searching) window.htmx.trigger(q, "search");
    var el = refocus && document.querySelector(refocus);
    // Only if the swap took the focus away: never pull it back from where it has moved.
    var lost = !document.activeElement || document.activeElement === document.body;
    if (el && lost) el.focus({ preventScroll: true });
    if (el || !searching) refocus = null;
  });

  // A tap's answer (#picker's request: the results) is painted first. Then its address
  // goes into the history and the figures for the new state are fetched (_results.html):
  // in Chromium a history entry costs the main thread about as much as the swap itself,
  // so htmx's own hx-push-url would hold the paint back. Back and forward work as with
  // htmx's (the entries carry its mark; it asks the server for the page).
  function afterPaint(run) { requestAnimationFrame(function () { setTimeout(run, 0); }); }
  // The status line and the phone's answer bar, from the answer's inert template: out of
  // band, htmx would swap them in before the paint. (Neither is urgent: the results are on
  // screen, and on a phone they are coming into view.)
  function applyExtras() {
    var extras = document.getElementById("tap-extras");
    if (!extras) return;
    var live = document.getElementById("live-status");
    var status = extras.content.querySelector("[data-status]");
    if (live && status) live.textContent = status.textContent;
    var peek = document.getElementById("answer-peek");
    var next = extras.content.getElementById("answer-peek");
    if (peek && next) peek.replaceWith(next);
    extras.remove();
  }
  document.addEventListener("htmx:afterSwap", function (e) {
    var next = e.detail.target.id === "results" && followUp();
    if (!next) return;
    var url = next.getAttribute("data-push-url");
    afterPaint(function () {
      // The rest when the page is next idle (the figures are a big swap): the frames right
      // after the answer (the scroll to it on a phone) come first. (If a newer answer came
      // first, it brings its own; this one still has its place in the history, as each
      // answer shown does.)
      (window.requestIdleCallback || setTimeout)(function () {
        if (!next.isConnected) return;
        applyExtras();
        window.htmx.process(next); // (htmx would process it only when the swap settles)
        window.htmx.trigger(next, "painted");
      }, { timeout: 300 });
      // At once, not when the page is idle: Back pressed a moment after the answer
      // showed must undo it.
      if (!history.state || !history.state.htmx) history.replaceState({ htmx: true }, "", location.href);
      if (url !== location.pathname + location.search) history.pushState({ htmx: true }, "", url);
    });
  });

  // Until the figures that follow a tap have come, the figure panel's other links (chairside
  // mode, a close-up view, the language) and the place search's picks are the previous
  // state's. A click or search then waits for them (a moment), so no pick is lost.
  function followUp() { return document.getElementById("tap-follow-up"); }
  function isFollowUp(el) { return el.id === "tap-follow-up"; }
  function whenFollowedUp(run) {
    function done() {
      if (!run) return;
      document.removeEventListener("htmx:afterRequest", came);
      run();
      run = null;
    }
    function came(e) { if (isFollowUp(e.detail.elt)) done(); }
    document.addEventListener("htmx:afterRequest", came);
    setTimeout(done, 3000); // if they never come, the link as it is
  }
  // The figures came (swapped in by now) or failed to: nothing left to wait for.
  document.addEventListener("htmx:afterRequest", function (e) {
    if (isFollowUp(e.detail.elt)) e.detail.elt.remove();
  });
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("#panel-tools a, #view-tabs a, #lang-switch a");
    if (!a || !followUp() || e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    // A view already on the page is sent with the picker's picks (below): never stale.
    if (document.querySelector('.figures .view[data-view="' + a.getAttribute("data-view") + '"]')) return;
    e.preventDefault();
    e.stopPropagation();
    whenFollowedUp(function () { (document.getElementById(a.id) || a).click(); });
  }, true);
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.matches(".place-search") || !followUp()) return;
    e.preventDefault();
    whenFollowedUp(function () { form.requestSubmit(); });
  }, true);

  // The answer first (issue 12): after a tap or click that adds a place, the results come
  // into view if they are not (on a phone they are below the figure). Only for a pointer:
  // a key press keeps the page and the focus where they are, and the live region says what
  // changed. The focus is never moved; a sticky line above the results leads back.
  var reveal = false;
  document.addEventListener("click", function (e) {
    var place = e.target.closest && e.target.closest("a.region[data-region], a.suggestion[data-region]");
    reveal = !!place && e.detail > 0 && !place.classList.contains("picked");
  }, true);
  function revealAnswer() {
    var results = document.getElementById("results");
    if (!results || !results.querySelector(".chips")) return;
    var top = results.getBoundingClientRect().top;
    if (top >= 0 && top < window.innerHeight / 3) return;
    var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    results.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" });
  }
  // Right after the frame that first paints them (below the screen, on a phone), not when
  // htmx has settled them (20 ms later, then its own work on them), nor before that paint
  // (the answer bar and the scroll would hold it back). In a clinic's widget, on settling:
  // the frame grows to the new height only once the host page has heard of it (embed.js),
  // and the scroll needs that height.
  var embedded = document.body && document.body.classList.contains("embed");
  document.addEventListener(embedded ? "htmx:afterSettle" : "htmx:afterSwap", function (e) {
    var results = document.getElementById("results");
    var t = e.detail.target;
    if (!reveal || !results || !(t.contains(results) || results.contains(t))) return;
    reveal = false;
    var show = function () {
      applyExtras(); // the answer bar first: shown later, it would move the results mid-scroll
      revealAnswer();
    };
    if (embedded) show();
    else afterPaint(show);
  });
  ["htmx:responseError", "htmx:sendError"].forEach(function (type) {
    document.addEventListener(type, function () { reveal = false; });
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
    if ((e.key === " " || e.key === "Spacebar") && t.matches && t.matches("a.region")) {
      e.preventDefault();
      toggle(t.getAttribute("data-region"));
      return;
    }
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
    if (!e.target.matches || window.htmx && e.target.closest("#picker")) return;
    // The list's boxes before htmx is here; safety answers (form="picker") always.
    if (e.target.matches('#picker input[name="region"], input[name="yes"]') && picker()) sendPicks();
  });

  // Inside a clinic's page: tell the host page how tall the widget is, so embed.js can
  // size the frame. The height is all it learns.
  if (window.parent !== window && document.body && document.body.classList.contains("embed")) {
    var lastHeight = 0;
    var postHeight = function () {
      // The body's own height: the document's scrollHeight is never less than the frame,
      // so the frame could grow but never shrink back.
      var h = Math.ceil(document.body.getBoundingClientRect().height);
      if (h !== lastHeight) {
        lastHeight = h;
        window.parent.postMessage({ type: "bodymap:height", height: h }, "*");
      }
    };
    new ResizeObserver(postHeight).observe(document.body);
    postHeight();
  }
  // Last before a tap's results or figures are swapped in: the old ones go at once. htmx
  // would first walk them one element at a time, with an event for each, to undo what it
  // set up on them; they hold none of its requests (their links are plain links, and the
  // muscles' links set up no timers or listeners outside themselves), and the figures are
  // 1,300 elements: in Chromium with the CPU slowed 4x that walk held the page 300-400 ms
  // after each tap.
  document.addEventListener("htmx:beforeSwap", function (e) {
    var t = e.detail.target;
    if (e.detail.shouldSwap && t && (t.id === "results" || t.id === "figures")) t.replaceChildren();
  });
  // The place search is a combobox (ARIA APG, list autocomplete): arrows move through the
  // options the server sent, Enter takes the active one, Escape closes the list.
  function placeOptions() {
    return Array.prototype.slice.call(document.querySelectorAll("#place-options [role=option]"));
  }
  function setActive(q, options, i) {
    options.forEach(function (o, j) { o.setAttribute("aria-selected", j === i ? "true" : "false"); });
    if (i < 0) { q.removeAttribute("aria-activedescendant"); return; }
    q.setAttribute("aria-activedescendant", options[i].id);
    options[i].scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("keydown", function (e) {
    var q = e.target;
    if (!q || q.id !== "place-q") return;
    var options = placeOptions();
    var list = document.getElementById("place-options");
    var active = options.findIndex(function (o) { return o.id === q.getAttribute("aria-activedescendant"); });
    if ((e.key === "ArrowDown" || e.key === "ArrowUp") && options.length) {
      e.preventDefault();
      if (list) list.hidden = false;
      q.setAttribute("aria-expanded", "true");
      var step = e.key === "ArrowDown" ? 1 : -1;
      setActive(q, options, (active + step + options.length + (active < 0 && step < 0 ? 1 : 0)) % options.length);
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      options[active].click();
    } else if (e.key === "Escape" && list && !list.hidden) {
      e.preventDefault();
      list.hidden = true;
      q.setAttribute("aria-expanded", "false");
      setActive(q, options, -1);
    }
  });
  // New options from the server: the list is open when there are any, and none is active.
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.target.id !== "suggestions") return;
    var q = document.getElementById("place-q");
    if (!q) return;
    q.setAttribute("aria-expanded", placeOptions().length ? "true" : "false");
    q.removeAttribute("aria-activedescendant");
  });
})();

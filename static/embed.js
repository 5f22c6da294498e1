/* Bodymap widget: <script src="https://HOST/static/embed.js" data-clinic="SLUG" async></script>
   Places an iframe of HOST/embed/SLUG after each such script tag and sizes it to its content.
   Only height messages from HOST's origin, and from one of our frames, are obeyed (and
   kept within 320-20000 px: a phone with a muscle card open needs about 7000). */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me) return;
  var origin = new URL(me.src, location.href).origin;
  var frames = [];
  function mount(s) {
    if (s.getAttribute("data-bodymap-mounted")) return;
    s.setAttribute("data-bodymap-mounted", "1");
    var f = document.createElement("iframe");
    f.src = origin + "/embed/" + encodeURIComponent(s.getAttribute("data-clinic") || "default");
    f.title = s.getAttribute("data-title") || "Body map: muscles that commonly refer pain";
    f.setAttribute("referrerpolicy", "no-referrer");
    f.style.cssText = "display:block;width:100%;height:720px;border:0";
    s.parentNode.insertBefore(f, s.nextSibling);
    frames.push(f);
  }
  var tags = document.querySelectorAll("script[data-clinic]");
  for (var i = 0; i < tags.length; i++) {
    if (new URL(tags[i].src, location.href).origin === origin) mount(tags[i]);
  }
  window.addEventListener("message", function (e) {
    if (e.origin !== origin || !e.data || e.data.type !== "bodymap:height") return;
    for (var j = 0; j < frames.length; j++) {
      if (frames[j].contentWindow === e.source) {
        frames[j].style.height = Math.min(Math.max(e.data.height | 0, 320), 20000) + "px";
      }
    }
  });
})();

// MentorNudge web app: progressive enhancement only. Every page works without this file.
(function () {
  "use strict";

  // The sign-in form sends the browser's time zone, so a new account starts in the right one.
  var zone = document.getElementById("browser-zone");
  if (zone) {
    try { zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone.value = ""; }
  }

  // The ask coach, live as you type: posts the draft to the app's coach fragment and swaps it in.
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute("content") : "";
  document.querySelectorAll("textarea[data-coach]").forEach(function (area) {
    var target = document.getElementById(area.getAttribute("aria-describedby"));
    var timer = null;
    var sent = 0;
    function coach() {
      var mine = ++sent;
      var body = new URLSearchParams();
      body.set("text", area.value);
      body.set("personId", area.getAttribute("data-person") || "");
      fetch(area.getAttribute("data-coach"), {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": csrf },
        body: body.toString(),
        credentials: "same-origin"
      }).then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html !== null && mine === sent && target) {
            // The fragment is server-rendered and escaped; it comes from our own origin only (CSP connect-src 'self').
            target.innerHTML = html;
            target.setAttribute("data-coached", String(mine));
          }
        })
        .catch(function () { /* the form still saves without the coach */ });
    }
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(coach, 300);
    });
  });
})();

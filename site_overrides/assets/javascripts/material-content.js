// Material for MkDocs' content script (partials/javascripts/content.html) as a file, for the Content-Security-Policy:
// when the address points at a tab of a tabbed block, select that tab.
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();

// The site's own, here so that it costs no request: the notice of a change in the rules (main.html) is shown from
// its day on, the visitor's day in Brussels (where the rules apply), so a page built before the change says so.
(function () {
  var notice = document.querySelector("[data-regelwijziging]");
  if (!notice || !window.Intl) return;
  var parts = {};
  new Intl.DateTimeFormat("en", { timeZone: "Europe/Brussels", year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date())
    .forEach(function (part) {
      parts[part.type] = part.value;
    });
  var today = parts.year + "-" + parts.month + "-" + parts.day;
  if (today >= notice.getAttribute("data-regelwijziging")) notice.hidden = false;
})();

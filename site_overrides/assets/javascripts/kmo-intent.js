// Intent: when a visitor points at, focuses or touches a link to the calculator, this page starts downloading the
// calculator's runtime (link rel=prefetch, into the browser's HTTP cache, where the runtime's immutable files stay),
// so the calculator starts sooner after the click. Nothing is fetched without that intent, and nothing at all with
// Save-Data on or on a 2G connection. The file list and the calculator's address come from the page (main.html).
(function () {
  var script = document.currentScript;
  var files = ((script && script.dataset.prefetch) || "").split(" ").filter(Boolean);
  if (!files.length || !script.dataset.page) return;
  var connection = navigator.connection;
  if (connection && (connection.saveData || /(^|-)2g$/.test(connection.effectiveType || ""))) return;
  var calculator = new URL(script.dataset.page, location.href).pathname;
  var started = false;

  function intent(event) {
    var link = event.target && event.target.closest && event.target.closest("a[href]");
    if (started || !link || new URL(link.href, location.href).pathname !== calculator) return;
    started = true;
    files.forEach(function (file) {
      var hint = document.createElement("link");
      hint.rel = "prefetch";
      hint.href = file;
      document.head.appendChild(hint);
    });
  }

  ["pointerover", "focusin", "touchstart"].forEach(function (type) {
    document.addEventListener(type, intent, { capture: true, passive: true });
  });
})();

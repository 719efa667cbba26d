// Intent: when a visitor points at, focuses or touches a link to the calculator, this page starts downloading the
// calculator's runtime (link rel=prefetch, into the browser's HTTP cache, where the runtime's immutable files stay),
// so the calculator starts sooner after the click. Nothing is fetched without that intent, and nothing at all with
// Save-Data on or on a 2G connection. The file lists and the calculator's address come from the page (main.html).
// The big files the host may not send as brotli (data-packed) are prefetched in the form the calculator's worker
// will ask for, decided by the runtime's own module (runtime-files.mjs, data-runtime-files): as they are, as their
// .br copy (and then the brotli decoder too, data-decoder, unless the browser unpacks brotli itself), or not at all
// when this device holds them.
(function () {
  var script = document.currentScript;
  var list = function (name) {
    return ((script && script.dataset[name]) || "").split(" ").filter(Boolean);
  };
  var files = list("prefetch");
  var packed = list("packed");
  var decoder = list("decoder");
  if (!files.length || !script.dataset.page) return;
  var connection = navigator.connection;
  if (connection && (connection.saveData || /(^|-)2g$/.test(connection.effectiveType || ""))) return;
  var calculator = new URL(script.dataset.page, location.href).pathname;
  var runtimeFiles = script.dataset.runtimeFiles;
  var started = false;

  function hint(file) {
    var link = document.createElement("link");
    link.rel = "prefetch";
    link.href = file;
    document.head.appendChild(link);
  }

  function prefetchPacked() {
    var runtimeModule;
    import(new URL(runtimeFiles, location.href).href)
      .then(function (runtime) {
        runtimeModule = runtime;
        return Promise.all(
          packed.map(function (file) {
            var url = new URL(file, location.href).href;
            return runtime.howToFetch(url).then(function (how) {
              var wanted = runtime.preloadUrl(url, how);
              if (wanted) hint(wanted);
              return how === "packed";
            });
          }),
        );
      })
      .then(function (unpacking) {
        if (unpacking.indexOf(true) >= 0 && !runtimeModule.nativeBrotli()) decoder.forEach(hint);
      })
      .catch(function () {
        // a prefetch is a courtesy: the calculator downloads what it needs itself
      });
  }

  function intent(event) {
    var link = event.target && event.target.closest && event.target.closest("a[href]");
    if (started || !link || new URL(link.href, location.href).pathname !== calculator) return;
    started = true;
    files.forEach(function (file) {
      // runtime-files.mjs itself arrives through its import, below, into the same HTTP cache.
      if (packed.indexOf(file) < 0 && decoder.indexOf(file) < 0 && file !== runtimeFiles) hint(file);
    });
    prefetchPacked();
  }

  ["pointerover", "focusin", "touchstart"].forEach(function (type) {
    document.addEventListener(type, intent, { capture: true, passive: true });
  });
})();

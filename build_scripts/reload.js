// Development only (./dev serve): reload this page when the site has been rebuilt.
(() => {
  const script = document.currentScript;
  const built = script && script.dataset.kmoBuild;
  if (!built) return;
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  (async () => {
    for (;;) {
      try {
        const response = await fetch(`__WAIT__?since=${encodeURIComponent(built)}`, { cache: "no-store" });
        if (response.ok) {
          const { build } = await response.json();
          if (build !== built) {
            location.reload();
            return;
          }
          continue;
        }
      } catch {
        // the server is restarting or away: ask again shortly
      }
      await pause(1000);
    }
  })();
})();

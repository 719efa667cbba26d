// Whether the service worker controls the page, its cache holds the files and the calculator's worker has stored its
// memory snapshot (page.evaluate; the caches' prefixes come from the runtime's manifest).
async ({ runtime, snapshot }) => {
  if (!navigator.serviceWorker.controller) return false;
  const names = await caches.keys();
  const filled = async (prefix) => {
    for (const name of names.filter((n) => n.startsWith(prefix))) {
      if ((await (await caches.open(name)).keys()).length > 0) return true;
    }
    return false;
  };
  return (await filled(runtime)) && (await filled(snapshot));
}

// Delete the calculator's memory snapshots (page.evaluate; the prefix comes from the runtime's manifest).
async ({ snapshot }) => {
  for (const name of await caches.keys()) if (name.startsWith(snapshot)) await caches.delete(name);
}

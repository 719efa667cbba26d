// One input change, timed in the page from the input event to the new result in the DOM (page.evaluate).
async ([input, output, value]) => {
  const field = document.querySelector(input);
  const target = document.querySelector(output);
  const before = target ? target.textContent : null;
  return await new Promise((resolve) => {
    const started = performance.now();
    const observer = new MutationObserver(() => {
      const now = document.querySelector(output);
      if (now && now.textContent !== before) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - started));
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    field.value = value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

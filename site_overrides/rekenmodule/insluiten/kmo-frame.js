// Inside the frame that <kmo-rekenmodule> (kmo-rekenmodule.js) puts in another site's page: the embeddable
// calculator page (insluiten.html). Two jobs, and no word shown to the visitor:
// - tell the host page the height of this page whenever it changes, so the frame never scrolls inside. Only to the
//   origin the element named in the address (?host=): the browser delivers the message only when the parent page
//   is of that origin, and a message from the parent is read only when it comes from that origin;
// - open a link that leaves the calculator (the next step, a source, the shared link, the full calculator) outside
//   the frame: mailto: and tel: in the top window (nothing loads there), other addresses in a new tab.
(() => {
  const TYPE = "kmo-rekenmodule";

  function hostOrigin() {
    try {
      const origin = new URL(new URLSearchParams(location.search).get("host") || "").origin;
      return origin === "null" ? null : origin;
    } catch {
      return null;
    }
  }

  const host = window.parent !== window ? hostOrigin() : null;
  let sent = 0;

  function sendHeight() {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === sent) return;
    sent = height;
    window.parent.postMessage({ type: TYPE, height }, host);
  }

  if (host) {
    new ResizeObserver(sendHeight).observe(document.body);
    window.addEventListener("message", (event) => {
      if (event.source !== window.parent || event.origin !== host) return;
      if (event.data && event.data.type === TYPE && event.data.ask === "height") {
        sent = 0;
        sendHeight();
      }
    });
  }

  // The calculation's fragment: the shared link's (written with the answer it shows), else this page's address
  // (written as the visitor types, so it may lag behind the answer).
  function calculation() {
    const share = document.querySelector("[data-share][href]");
    const shared = share ? new URL(share.href, location.href).hash : "";
    return shared.startsWith("#aanvraag=") ? shared : location.hash;
  }

  // The full calculator with this calculation: the page the shared link points at, with the same fragment.
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || link.hasAttribute("download")) return;
    const url = new URL(link.href, location.href);
    if (url.protocol === "blob:" || (url.origin === location.origin && url.pathname === location.pathname)) return;
    const fragment = link.hasAttribute("data-full-calculator") ? calculation() : "";
    if (fragment) {
      url.hash = fragment;
      link.href = url.href;
    }
    link.target = url.protocol === "mailto:" || url.protocol === "tel:" ? "_top" : "_blank";
    if (link.target === "_blank") link.rel = "noopener";
  }, true);
})();

// <kmo-rekenmodule>: the calculator of this site in another site's page. The provider pastes the snippet of
// /insluiten/ (docs/insluiten.md), which loads this script from this site and holds a link to the full calculator:
//
//   <script src="https://SITE/rekenmodule/insluiten/kmo-rekenmodule.js" defer></script>
//   <kmo-rekenmodule><a href="https://SITE/rekenmodule/">Bereken uw steun</a></kmo-rekenmodule>
//
// Without JavaScript (or before this script runs) the visitor sees that link. With it, the element puts the
// embeddable page (/rekenmodule/insluiten/, next to this script) in an iframe named after the link's text, and keeps
// the frame as high as the page in it: the frame reports its height (kmo-frame.js), and a message counts only when it
// comes from that frame and from this site's origin. No dependency; no word of its own.
(() => {
  const TYPE = "kmo-rekenmodule";
  const script = document.currentScript;
  if (!script || !window.customElements || customElements.get(TYPE)) return;
  const page = new URL("./", script.src);

  class KmoRekenmodule extends HTMLElement {
    connectedCallback() {
      if (this.frame) return;
      const link = this.querySelector("a[href]");
      const address = new URL(page.href);
      address.searchParams.set("host", location.origin);
      if (link && link.hash) address.hash = link.hash; // a link with #aanvraag= opens the frame with that calculation
      const frame = document.createElement("iframe");
      frame.title = (this.getAttribute("titel") || (link ? link.textContent : "") || TYPE).trim();
      frame.src = address.href;
      frame.allow = "clipboard-write";
      frame.style.cssText = "display:block;width:100%;height:40rem;border:0;";
      this.frame = frame;
      this.listener = (event) => this.received(event);
      window.addEventListener("message", this.listener);
      frame.addEventListener("load", () => this.ask());
      this.style.display = "block";
      this.replaceChildren(frame);
    }

    disconnectedCallback() {
      window.removeEventListener("message", this.listener);
    }

    ask() {
      if (this.frame.contentWindow) this.frame.contentWindow.postMessage({ type: TYPE, ask: "height" }, page.origin);
    }

    received(event) {
      if (event.origin !== page.origin || event.source !== this.frame.contentWindow) return;
      const data = event.data;
      if (!data || data.type !== TYPE || !Number.isFinite(data.height) || data.height <= 0) return;
      this.frame.style.height = `${Math.ceil(data.height)}px`;
    }
  }

  customElements.define(TYPE, KmoRekenmodule);
})();

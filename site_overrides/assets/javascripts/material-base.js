// Material for MkDocs' helpers (partials/javascripts/base.html), as a file instead of an inline script so that the
// Content-Security-Policy can forbid inline scripts. The scope is the site root: two folders above this file.
var __md_scope = new URL("../..", document.currentScript.src),
  __md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0),
  __md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e)),
  __md_set = (e, _, t = localStorage, a = __md_scope) => {
    try {
      t.setItem(a.pathname + "." + e, JSON.stringify(_));
    } catch (e) {}
  };

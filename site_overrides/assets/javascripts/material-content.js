// Material for MkDocs' content script (partials/javascripts/content.html) as a file, for the Content-Security-Policy:
// when the address points at a tab of a tabbed block, select that tab.
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();

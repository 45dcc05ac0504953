(function () {
  'use strict';
  var cases = Array.prototype.slice.call(document.querySelectorAll('details.case'));
  var suite = document.getElementById('filter-suite');
  var tag = document.getElementById('filter-tag');
  var severity = document.getElementById('filter-severity');
  var failed = document.getElementById('filter-failed');
  var search = document.getElementById('search');
  var shown = document.getElementById('shown-count');

  function apply() {
    var q = search.value.trim().toLowerCase();
    var count = 0;
    cases.forEach(function (el) {
      var tags = JSON.parse(el.getAttribute('data-tags') || '[]');
      var visible = (!suite.value || el.getAttribute('data-suite') === suite.value)
        && (!tag.value || tags.indexOf(tag.value) >= 0)
        && (!severity.value || el.getAttribute('data-severity') === severity.value)
        && (!failed.checked || el.getAttribute('data-failed') === 'true')
        && (!q || el.textContent.toLowerCase().indexOf(q) >= 0);
      el.hidden = !visible;
      if (visible) count++;
    });
    shown.textContent = count + ' of ' + cases.length + ' cases shown';
  }

  [suite, tag, severity, failed].forEach(function (el) { el.addEventListener('change', apply); });
  search.addEventListener('input', apply);

  // A link to #case-ID opens that case.
  function openFromHash() {
    if (!location.hash) return;
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.tagName === 'DETAILS') { target.hidden = false; target.open = true; }
  }
  window.addEventListener('hashchange', openFromHash);
  openFromHash();
  apply();
})();

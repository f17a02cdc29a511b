// Bulk actions: a checkbox with data-select-all="FORM" ticks every box of that form; each bulk form shows how many
// items are ticked and keeps its buttons disabled while none is (no inline script: the CSP allows none).
(function () {
  'use strict';

  function boxes(form) {
    return document.querySelectorAll('input[type=checkbox][name=ids][form="' + form + '"]');
  }

  function refresh(form) {
    var ticked = Array.prototype.filter.call(boxes(form), function (b) { return b.checked; }).length;
    var counter = document.querySelector('[data-selected-count="' + form + '"]');
    if (counter) {
      counter.textContent = String(ticked);
    }
    document.querySelectorAll('#' + form + ' button[type=submit]').forEach(function (button) {
      button.disabled = ticked === 0;
    });
  }

  document.addEventListener('change', function (event) {
    var box = event.target;
    if (!box || box.type !== 'checkbox') {
      return;
    }
    var all = box.getAttribute('data-select-all');
    if (all) {
      boxes(all).forEach(function (b) { b.checked = box.checked; });
      refresh(all);
    } else if (box.name === 'ids' && box.getAttribute('form')) {
      refresh(box.getAttribute('form'));
    }
  });

  function refreshAll() {
    document.querySelectorAll('form[data-bulk]').forEach(function (form) { refresh(form.id); });
  }

  document.addEventListener('DOMContentLoaded', refreshAll);
  document.addEventListener('htmx:afterSettle', refreshAll);
})();

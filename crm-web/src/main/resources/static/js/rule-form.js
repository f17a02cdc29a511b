// The loyalty rule form shows the conditions its trigger uses: a field marked data-triggers="A B" shows only for
// those triggers, unless it holds a value (nothing typed is ever hidden away). No inline script: the CSP allows none.
(function () {
  'use strict';

  function apply() {
    var trigger = document.getElementById('trigger');
    if (!trigger) {
      return;
    }
    document.querySelectorAll('[data-triggers]').forEach(function (field) {
      var used = field.getAttribute('data-triggers').split(' ').indexOf(trigger.value) >= 0;
      var input = field.querySelector('input, select');
      var filled = input && input.value !== '';
      field.hidden = !used && !filled;
    });
  }

  document.addEventListener('DOMContentLoaded', apply);
  document.addEventListener('change', function (event) {
    if (event.target && event.target.id === 'trigger') {
      apply();
    }
  });
})();

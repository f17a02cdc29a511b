// The add-a-connection form asks for the credential of the chosen network: its label and the name it is stored
// under follow the network select (data-credential, data-credential-label). Without script the server picks the
// network's credential itself.
(function () {
  'use strict';

  function follow(select) {
    var option = select.options[select.selectedIndex];
    var label = document.getElementById('credential-label');
    var name = document.getElementById('credentialName');
    if (option && label) {
      label.textContent = option.getAttribute('data-credential-label');
    }
    if (option && name) {
      name.value = option.getAttribute('data-credential');
    }
  }

  document.addEventListener('change', function (event) {
    if (event.target && event.target.hasAttribute && event.target.hasAttribute('data-credential-switch')) {
      follow(event.target);
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-credential-switch]').forEach(follow);
  });
})();

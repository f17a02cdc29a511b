// Costly actions ask first: a form (or the button that submits it) with data-confirm submits only when the user
// agrees. (Inline onsubmit handlers would be blocked by the console's Content-Security-Policy, script-src 'self'.)
document.addEventListener('submit', function (event) {
  var form = event.target;
  var button = event.submitter;
  var question = (button && button.getAttribute && button.getAttribute('data-confirm'))
      || (form.getAttribute && form.getAttribute('data-confirm'));
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
}, true);

// Costly actions ask first: a form with data-confirm submits only when the user agrees. (Inline onsubmit handlers
// would be blocked by the console's Content-Security-Policy, script-src 'self'.)
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute && form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
}, true);

(function () {
  var text = document.getElementById('filter-text');
  var severity = document.getElementById('filter-severity');
  var rule = document.getElementById('filter-rule');
  var shown = document.getElementById('shown');
  var rows = document.querySelectorAll('#findings tbody tr');
  var texts = [];
  for (var i = 0; i < rows.length; i++) {
    texts.push(rows[i].textContent.toLowerCase());
  }
  function apply() {
    var wanted = text.value.toLowerCase();
    var count = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var match = (!severity.value || row.getAttribute('data-severity') === severity.value)
        && (!rule.value || row.getAttribute('data-rule') === rule.value)
        && (!wanted || texts[i].indexOf(wanted) >= 0);
      row.hidden = !match;
      if (match) {
        count++;
      }
    }
    shown.textContent = String(count);
  }
  text.addEventListener('input', apply);
  severity.addEventListener('change', apply);
  rule.addEventListener('change', apply);
  apply();
})();

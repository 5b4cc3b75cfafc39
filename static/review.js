// Review page: copy the text selected in the report into the "add a replacement" field.
// No inline script (CSP); the form works without this file by typing the word.
(function () {
  "use strict";
  var source = document.getElementById("review-text");
  var target = document.getElementById("text");
  if (!source || !target) { return; }
  source.addEventListener("mouseup", function () {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed) { return; }
    if (!source.contains(selection.anchorNode) || !source.contains(selection.focusNode)) { return; }
    var text = selection.toString().replace(/\s+/g, " ").trim();
    if (text && text.length <= 120) {
      target.value = text;
      target.focus();
    }
  });
}());

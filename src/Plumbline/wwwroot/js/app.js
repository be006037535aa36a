// Plumbline's own few lines: confirmations, keyboard shortcuts, and htmx on pages that Blazor swaps in.
(function () {
  "use strict";

  // Destructive actions ask first: <form data-confirm="...">.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // "/" jumps to search, as in most tools people know.
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = document.querySelector('[data-shortcut="' + event.key + '"]');
    if (target) { event.preventDefault(); if (target.tagName === "A") target.click(); else target.focus(); }
  });

  // Filter drop-downs apply as soon as they change.
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-autosubmit") && event.target.tagName === "SELECT") form.requestSubmit();
  });

  // Groups of checkboxes: a box with data-check-all ticks or unticks every box of its [data-check-group]; it shows
  // "some ticked" as indeterminate, and [data-check-count] elements show how many boxes of the group (or form) are ticked.
  function leaves(root) { return root.querySelectorAll("input[type=checkbox]:not([data-check-all])"); }
  function syncGroups(root) {
    root.querySelectorAll("[data-check-group]").forEach(function (group) {
      var all = group.querySelector("[data-check-all]"), boxes = leaves(group), ticked = 0;
      boxes.forEach(function (b) { if (b.checked) ticked++; });
      if (all) { all.checked = boxes.length > 0 && ticked === boxes.length; all.indeterminate = ticked > 0 && ticked < boxes.length; }
      var count = group.querySelector("[data-check-count]");
      if (count) count.textContent = String(ticked);
    });
    root.querySelectorAll("form [data-check-total]").forEach(function (out) {
      var n = 0; leaves(out.closest("form")).forEach(function (b) { if (b.checked) n++; });
      out.textContent = String(n);
    });
  }
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== "checkbox" || !box.closest("[data-check-group]")) return;
    if (box.hasAttribute("data-check-all")) leaves(box.closest("[data-check-group]")).forEach(function (b) { b.checked = box.checked; });
    syncGroups(box.form || document);
  });
  document.addEventListener("DOMContentLoaded", function () {
    syncGroups(document);
    if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener("enhancedload", function () { syncGroups(document); });
  });

  // A client's template: how many standards apply with the current ticks (the standard, its category and its section ticked).
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (!form || !form.hasAttribute("data-count-applies")) return;
    var n = 0;
    form.querySelectorAll('input[name="Form.Standards"]').forEach(function (box) {
      var category = box.closest(".tpl-category"), section = box.closest(".tpl-section");
      if (box.checked && category.querySelector(".box-hit input").checked && section.querySelector(".box-hit input").checked) n++;
    });
    var out = form.querySelector(".tpl-count");
    if (out) out.textContent = String(n);
  });

  // Copy buttons: <button data-copy="id-of-input"> copies the input's value and says so.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) return;
    var input = document.getElementById(button.getAttribute("data-copy"));
    if (!input) return;
    input.select();
    var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy"; }, 2000); };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
    else { document.execCommand("copy"); done(); }
  });

  // Blazor's enhanced navigation replaces the page body without a reload: let htmx see the new elements.
  function processHtmx() { if (window.htmx) window.htmx.process(document.body); }
  document.addEventListener("DOMContentLoaded", function () {
    if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener("enhancedload", processHtmx);
  });
})();

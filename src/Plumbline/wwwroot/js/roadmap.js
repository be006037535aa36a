// The roadmap board: picking a quarter in a card's menu with the mouse moves it at once, and a card dropped on a column moves there.
// Both only fill and submit the card's own form, so the page works the same without script.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // With the keyboard the arrows walk through the quarters one by one, so a choice made by key waits for the card's
  // Move button (or Enter) instead of moving the card at every key press.
  function menu(target) { return target && target.matches && target.matches("form[data-move-form] select[name=targetQuarter]") ? target : null; }
  document.addEventListener("keydown", function (event) {
    var select = menu(event.target);
    if (!select) return;
    if (event.key === "Enter" && select.form.classList.contains("pending")) { event.preventDefault(); select.form.requestSubmit(); return; }
    if (event.key !== "Tab") select.dataset.keyed = "true";
  });
  document.addEventListener("pointerdown", function (event) { var select = menu(event.target); if (select) delete select.dataset.keyed; });
  document.addEventListener("change", function (event) {
    var select = menu(event.target);
    if (!select) return;
    if (select.dataset.keyed) select.form.classList.add("pending");
    else select.form.requestSubmit();
  });

  var dragged = null;
  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest(".roadmap-card[draggable=true]");
    if (!card) return;
    dragged = card;
    card.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.id);
  });
  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    document.querySelectorAll(".roadmap-column.drop-target").forEach(function (c) { c.classList.remove("drop-target"); });
  });
  document.addEventListener("dragover", function (event) {
    var column = dragged && event.target.closest && event.target.closest(".roadmap-column");
    if (!column) return;
    event.preventDefault();
    document.querySelectorAll(".roadmap-column.drop-target").forEach(function (c) { if (c !== column) c.classList.remove("drop-target"); });
    column.classList.add("drop-target");
  });
  document.addEventListener("drop", function (event) {
    var column = dragged && event.target.closest && event.target.closest(".roadmap-column");
    if (!column) return;
    event.preventDefault();
    var form = dragged.querySelector("form[data-move-form]");
    var select = form && form.querySelector("select[name=targetQuarter]");
    if (!select || select.value === column.dataset.quarter) return;
    select.value = column.dataset.quarter;
    form.requestSubmit();
  });
})();

// The roadmap board: picking a quarter in a card's menu moves it at once, and a card dropped on a column moves there.
// Both only fill and submit the card's own form, so the page works the same without script.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-move-form") && event.target.name === "targetQuarter") form.requestSubmit();
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

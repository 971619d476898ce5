/* Sortable tables: a table with data-module="bc-sortable" gets a button in
   each column header; pressing it sorts the body rows by that column
   (again: the other way) and sets aria-sort. Cells sort by data-sort (a
   number; empty: no value, always last), else data-sort-text, else their
   text. Without this script the table is complete, in its own order. */
(function () {
  "use strict";
  function key(cell) {
    var n = cell.getAttribute("data-sort");
    if (n !== null) { return n === "" ? null : parseFloat(n); }
    var t = cell.getAttribute("data-sort-text");
    return t !== null ? t : cell.textContent.trim();
  }
  function compare(a, b, lang) {
    if (a === null || b === null) { return a === b ? 0 : (a === null ? 1 : -1); }
    return typeof a === "number" ? a - b : a.localeCompare(b, lang);
  }
  var lang = document.documentElement.lang || "vi";
  var tables = document.querySelectorAll('table[data-module="bc-sortable"]');
  Array.prototype.forEach.call(tables, function (table) {
    var head = table.tHead && table.tHead.rows[0];
    var body = table.tBodies[0];
    if (!head || !body) { return; }
    Array.prototype.forEach.call(head.cells, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "bc-sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(head.cells, function (c) { c.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[col]), y = key(b.cells[col]);
          if (x === null || y === null) { return compare(x, y, lang); }
          return up ? compare(x, y, lang) : compare(y, x, lang);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();

/* Sorting and filtering for the manager report; everything works from the keyboard. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var strings = JSON.parse(document.getElementById("report-strings").textContent);
  var live = document.getElementById("result-count");
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  function applyFilters() {
    var want = {};
    selects.forEach(function (select) { want[select.getAttribute("data-filter")] = select.value; });
    var shown = 0;
    var total = 0;
    document.querySelectorAll("[data-team-section]").forEach(function (section) {
      var rows = section.querySelector("tbody").rows;
      total += rows.length;
      if (want.team && section.getAttribute("data-team") !== want.team) {
        section.hidden = true;  // a whole team out: its rows need not be looked at
        return;
      }
      var visible = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var ok = (!want.status || row.getAttribute("data-status") === want.status) &&
          (!want.course || row.getAttribute("data-course") === want.course);
        row.hidden = !ok;
        if (ok) { visible += 1; }
      });
      section.hidden = visible === 0;
      shown += visible;
    });
    document.querySelectorAll("[data-competency-team]").forEach(function (section) {
      section.hidden = Boolean(want.team) && section.getAttribute("data-competency-team") !== want.team;
    });
    live.textContent = shown === 0 ? strings.none : format(strings.showing, {shown: shown, total: total});
  }

  function sortKey(cell) {
    var value = cell.getAttribute("data-sort");
    return value === null ? cell.textContent.trim().toLowerCase() : value;
  }

  function sortTable(table, header, index) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.querySelectorAll("thead th[aria-sort]"), function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var numeric = header.getAttribute("data-type") === "number";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = sortKey(a.cells[index]);
      var y = sortKey(b.cells[index]);
      if (x === "" || y === "") { return x === y ? 0 : (x === "" ? 1 : -1); }
      var order = numeric ? Number(x) - Number(y) : (x < y ? -1 : (x > y ? 1 : 0));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      var button = header.querySelector("button");
      if (button) {
        button.addEventListener("click", function () { sortTable(table, header, index); });
      }
    });
  });
  selects.forEach(function (select) { select.addEventListener("change", applyFilters); });
}());

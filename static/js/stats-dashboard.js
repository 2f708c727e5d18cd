// Draws the statistics dashboard's charts from the JSON the page carries.
(function () {
  "use strict";
  var source = document.getElementById("stats-chart-data");
  if (!source || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var lang = document.documentElement.lang || "vi";
  var format = new Intl.NumberFormat(lang);
  var options = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: "index", intersect: false },
    scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return format.format(v); } } } },
  };
  // A period that is not over (today, this month) is drawn apart: the line into
  // it dashed with a hollow point, its bar pale with an outline, so that it does
  // not read as a fall.
  function markPartial(dataset, type, color, partial) {
    if (partial === null || partial === undefined) return dataset;
    if (type === "line") {
      dataset.segment = {
        borderDash: function (ctx) { return ctx.p1DataIndex === partial ? [6, 4] : undefined; },
      };
      dataset.pointRadius = function (ctx) { return ctx.dataIndex === partial ? 4 : 0; };
      dataset.pointBackgroundColor = "#fff";
    } else {
      dataset.backgroundColor = dataset.data.map(function (_, i) { return color + (i === partial ? "33" : "99"); });
      dataset.borderWidth = dataset.data.map(function (_, i) { return i === partial ? 2 : 0; });
    }
    return dataset;
  }
  function chart(id, type, series, labels, partial) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    canvas.parentNode.style.height = "18rem";
    var chartObject = new Chart(canvas, {
      type: type,
      data: {
        labels: labels,
        datasets: series.map(function (s) {
          var dataset = { label: s[0], data: s[1], borderColor: s[2], backgroundColor: s[2] + "99", fill: false, tension: 0.2, pointRadius: 0 };
          return markPartial(dataset, type, s[2], partial);
        }),
      },
      options: options,
    });
    canvas.dataset.drawn = "true";
    if (partial !== null && partial !== undefined) canvas.dataset.partial = String(partial);
    return chartObject;
  }
  var L = data.labels;
  var partial = data.partial || {};
  chart("chart-daily", "line", [[L.visits, data.daily.visits, "#417690"], [L.page_views, data.daily.page_views, "#e08e0b"]], data.daily.labels, partial.daily);
  chart("chart-monthly", "bar", [[L.visits, data.monthly.visits, "#417690"], [L.page_views, data.monthly.page_views, "#e08e0b"]], data.monthly.labels, partial.monthly);
  chart("chart-hourly", "bar", [[L.visits, data.hourly.visits, "#417690"], [L.page_views, data.hourly.page_views, "#e08e0b"]], data.hourly.labels);
  chart("chart-bots", "line", [[L.bots, data.daily.bots, "#8e24aa"]], data.daily.labels, partial.daily);
})();

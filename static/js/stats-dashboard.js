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
  function chart(id, type, series, labels) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    canvas.parentNode.style.height = "18rem";
    var chartObject = new Chart(canvas, {
      type: type,
      data: {
        labels: labels,
        datasets: series.map(function (s) {
          return { label: s[0], data: s[1], borderColor: s[2], backgroundColor: s[2] + "99", fill: false, tension: 0.2, pointRadius: 0 };
        }),
      },
      options: options,
    });
    canvas.dataset.drawn = "true";
    return chartObject;
  }
  var L = data.labels;
  chart("chart-daily", "line", [[L.visits, data.daily.visits, "#417690"], [L.page_views, data.daily.page_views, "#e08e0b"]], data.daily.labels);
  chart("chart-monthly", "bar", [[L.visits, data.monthly.visits, "#417690"], [L.page_views, data.monthly.page_views, "#e08e0b"]], data.monthly.labels);
  chart("chart-hourly", "bar", [[L.visits, data.hourly.visits, "#417690"], [L.page_views, data.hourly.page_views, "#e08e0b"]], data.hourly.labels);
  chart("chart-bots", "line", [[L.bots, data.daily.bots, "#8e24aa"]], data.daily.labels);
})();

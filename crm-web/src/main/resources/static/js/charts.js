// Draws every <canvas data-chart="…"> with Chart.js. The data comes from the server as JSON in the attribute,
// so pages need no inline script (the console's Content-Security-Policy allows none).
(function () {
  'use strict';
  var palette = ['#1f3a4d', '#3d7ea6', '#6bb4c9', '#f2a541', '#e4572e', '#76b041', '#8e6c8a', '#a0a0a0'];

  function draw(canvas) {
    var spec;
    try {
      spec = JSON.parse(canvas.getAttribute('data-chart'));
    } catch (e) {
      return;
    }
    if (!window.Chart || !spec) {
      return;
    }
    var datasets = spec.datasets.map(function (d, i) {
      var color = d.color || palette[i % palette.length];
      return {
        label: d.label, data: d.data, backgroundColor: spec.type === 'bubble' ? color + '99' : color,
        borderColor: color, borderWidth: spec.type === 'line' ? 2 : 1, fill: false, tension: 0.2
      };
    });
    new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: datasets.length > 1 }, title: { display: false } },
        scales: spec.type === 'doughnut' ? {} : {
          x: { title: { display: !!spec.xLabel, text: spec.xLabel || '' } },
          y: { beginAtZero: true, title: { display: !!spec.yLabel, text: spec.yLabel || '' } }
        }
      }
    });
    canvas.setAttribute('data-drawn', 'true');
  }

  function drawAll() {
    document.querySelectorAll('canvas[data-chart]:not([data-drawn])').forEach(draw);
  }

  document.addEventListener('DOMContentLoaded', drawAll);
  document.addEventListener('htmx:afterSettle', drawAll);
})();

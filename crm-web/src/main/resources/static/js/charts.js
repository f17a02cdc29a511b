// Draws every <canvas data-chart="…"> with Chart.js. The data comes from the server as JSON in the attribute,
// so pages need no inline script (the console's Content-Security-Policy allows none). A spec may carry:
// links (one URL per label: a click on a bar goes there), points with name and href (named in the tooltip, a
// click opens them), per-bar colors, and lines ({axis, value, label}: thresholds drawn across the chart).
(function () {
  'use strict';
  var palette = ['#1f3a4d', '#3d7ea6', '#6bb4c9', '#f2a541', '#e4572e', '#76b041', '#8e6c8a', '#a0a0a0'];

  var thresholds = {
    id: 'thresholds',
    afterDatasetsDraw: function (chart, args, options) {
      var lines = options && options.lines;
      if (!lines || !lines.length) {
        return;
      }
      var ctx = chart.ctx;
      var area = chart.chartArea;
      ctx.save();
      ctx.setLineDash([4, 4]);
      ctx.strokeStyle = 'rgba(0, 0, 0, 0.35)';
      ctx.fillStyle = 'rgba(0, 0, 0, 0.55)';
      ctx.font = '10px sans-serif';
      lines.forEach(function (line) {
        ctx.beginPath();
        if (line.axis === 'x') {
          var x = chart.scales.x.getPixelForValue(line.value);
          ctx.moveTo(x, area.top);
          ctx.lineTo(x, area.bottom);
          ctx.stroke();
          ctx.fillText(line.label, x + 3, area.top + 10);
        } else {
          var y = chart.scales.y.getPixelForValue(line.value);
          ctx.moveTo(area.left, y);
          ctx.lineTo(area.right, y);
          ctx.stroke();
          ctx.fillText(line.label, area.left + 3, y - 3);
        }
      });
      ctx.restore();
    }
  };

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
      var fill = d.colors || (spec.type === 'bubble' ? color + '99' : color);
      return {
        label: d.label, data: d.data, backgroundColor: fill, borderColor: d.colors || color,
        borderWidth: spec.type === 'line' ? 2 : 1, fill: false, tension: 0.2
      };
    });
    var axes = spec.type === 'doughnut' ? {} : {
      x: { title: { display: !!spec.xLabel, text: spec.xLabel || '' } },
      y: { beginAtZero: true, title: { display: !!spec.yLabel, text: spec.yLabel || '' } }
    };
    if (spec.max && axes.x) {
      axes.x.min = 0;
      axes.x.max = spec.max;
      axes.y.max = spec.max;
    }
    var clickable = !!(spec.links || spec.type === 'bubble');
    new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      plugins: [thresholds],
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {
          legend: { display: datasets.length > 1 }, title: { display: false },
          thresholds: { lines: spec.lines || [] },
          tooltip: {
            callbacks: {
              label: function (context) {
                var raw = context.raw;
                if (raw && raw.name) {
                  return raw.name + ' (' + context.dataset.label + '): transaction ' + raw.x + ', influence ' + raw.y;
                }
                return undefined;
              }
            }
          }
        },
        scales: axes,
        onHover: function (event, elements) {
          if (clickable && event.native && event.native.target) {
            event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
          }
        },
        onClick: function (event, elements) {
          if (!elements.length) {
            return;
          }
          var element = elements[0];
          var target = null;
          if (spec.links) {
            target = spec.links[element.index];
          } else {
            var point = datasets[element.datasetIndex].data[element.index];
            target = point && point.href;
          }
          if (target && target.charAt(0) === '/' && target.charAt(1) !== '/') {
            window.location.assign(target);
          }
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

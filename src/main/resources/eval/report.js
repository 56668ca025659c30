/* Charts of report.html, as the workbench draws them (Chart.js, copied beside the report). */
(() => {
  'use strict';
  const s = JSON.parse(document.getElementById('report-data').textContent);
  const base = { responsive: true, maintainAspectRatio: false, animation: false };
  new window.Chart(document.getElementById('chart-pass'), {
    type: 'doughnut',
    data: { labels: ['Passed', 'Failed'], datasets: [{ data: [s.passed, s.failed], backgroundColor: ['#1a7f37', '#b3261e'] }] },
    options: base,
  });
  new window.Chart(document.getElementById('chart-rates'), {
    type: 'bar',
    data: { labels: ['Right section cited', 'Facts stated'], datasets: [{ label: 'This run', data: [s.hitRate, s.factsRate], backgroundColor: '#0b5cad' }] },
    options: Object.assign({ scales: { y: { beginAtZero: true, max: 1 } } }, base),
  });
  const labels = Object.keys(s.verdicts).map((v) => 'verdict ' + v)
    .concat(Object.keys(s.declines).map((d) => 'declined ' + d.replace(/_/g, ' ')), ['crisis']);
  const values = Object.values(s.verdicts).concat(Object.values(s.declines), [s.crisis]);
  new window.Chart(document.getElementById('chart-verdicts'), {
    type: 'bar',
    data: { labels, datasets: [{ label: 'Questions', data: values, backgroundColor: '#8250df' }] },
    options: Object.assign({ indexAxis: 'y', plugins: { legend: { display: false } } }, base),
  });
})();

/* Ask Kira's workbench for the content team. No build step; every text from the server is rendered
 * as text (textContent only); the admin key lives in sessionStorage, for this tab only. Charts are
 * Chart.js, served from the jar. */
(() => {
  'use strict';

  const KEY = 'kira.adminKey';
  const $ = (id) => document.getElementById(id);
  const charts = {};
  let lastInsights = null;
  let sections = [];

  // ---------------------------------------------------------------- helpers

  /** An element with attributes and children; strings become text nodes, never HTML. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  async function api(method, path, body) {
    const headers = { 'Authorization': 'Bearer ' + (sessionStorage.getItem(KEY) || '') };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) {
      const message = data && data.error ? data.error.message : 'The server answered ' + res.status + '.';
      const error = new Error(message);
      error.status = res.status;
      throw error;
    }
    return data;
  }

  function busy(button, on) { if (button) button.disabled = on; }

  function chart(id, config, summary) {
    if (charts[id]) charts[id].destroy();
    const canvas = $(id);
    canvas.setAttribute('aria-label', summary);
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    charts[id] = new window.Chart(canvas, config);
  }

  const COLORS = ['#0b5cad', '#9a6700', '#b3261e', '#1a7f37', '#8250df', '#57606a'];

  // ---------------------------------------------------------------- sign in

  async function signIn(key) {
    sessionStorage.setItem(KEY, key);
    try {
      const library = await api('GET', '/v1/admin/library');
      $('sign-in').hidden = true;
      $('workbench').hidden = false;
      $('sign-out').hidden = false;
      $('sign-in-error').textContent = '';
      renderLibrary(library.documents);
      show('check');
    } catch (e) {
      sessionStorage.removeItem(KEY);
      $('sign-in').hidden = false;
      $('workbench').hidden = true;
      $('sign-in-error').textContent = e.status === 401 ? 'That key was refused.' : e.message;
    }
  }

  function signOut() {
    sessionStorage.removeItem(KEY);
    location.reload();
  }

  function show(section) {
    for (const tab of document.querySelectorAll('.tab')) {
      const on = tab.dataset.section === section;
      if (on) tab.setAttribute('aria-current', 'page'); else tab.removeAttribute('aria-current');
      $(tab.dataset.section).hidden = !on;
    }
    if (section === 'insights' && !lastInsights) loadInsights();
    if (section === 'evaluation') loadLatestRun();
  }

  // ---------------------------------------------------------------- check an answer

  function markers(text, citations, sentenceEl) {
    const out = [];
    const re = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;
    let last = 0;
    let m;
    while ((m = re.exec(text))) {
      if (m.index > last) out.push(text.slice(last, m.index));
      for (const raw of m[1].split(',')) {
        const n = Number(raw.trim());
        const c = citations.find((x) => x.n === n);
        out.push(h('button', {
          type: 'button', class: 'marker quiet', 'aria-expanded': 'false',
          'aria-label': 'Source ' + n + (c ? ': ' + c.section : ' (no such source)'),
          onclick: (ev) => togglePassage(ev.currentTarget, c, n, sentenceEl),
        }, '[' + n + ']'));
      }
      last = re.lastIndex;
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  }

  function togglePassage(button, citation, n, sentenceEl) {
    const id = 'passage-' + sentenceEl.dataset.index + '-' + n;
    const open = $(id);
    if (open) { open.remove(); button.setAttribute('aria-expanded', 'false'); return; }
    button.setAttribute('aria-expanded', 'true');
    const body = citation
      ? [h('div', {}, h('strong', { text: '[' + n + '] ' + citation.section }), ' — ', citation.title),
         h('div', { class: 'muted', text: 'The passage sentences that support it:' }),
         (citation.sentences && citation.sentences.length ? citation.sentences : [citation.quote]).map((s) => h('blockquote', { text: s }))]
      : [h('div', { class: 'error', text: 'No citation [' + n + '] in this answer.' })];
    sentenceEl.append(h('div', { class: 'passage', id }, body));
  }

  function verdictMark(verdict) {
    const label = { supported: '✓ supported', unsupported: '✗ unsupported', overstated: '! overstated' }[verdict] || verdict;
    return h('span', { class: 'mark ' + verdict, text: label });
  }

  function findingsOf(s) {
    return (s.findings || []).map((f) => h('p', { class: 'rule' }, h('strong', { text: 'Breaks ' + f.rule.replace(/_/g, ' ') + ': ' }), f.detail));
  }

  function nearestOf(s) {
    const best = s.support && s.support[0];
    if (!best) return h('p', { class: 'muted', text: 'No library passage comes near.' });
    return h('div', { class: 'nearest' },
      h('div', { class: 'muted', text: 'Nearest in the library (' + best.section + ', support ' + best.score.toFixed(2) + '):' }),
      h('blockquote', { text: best.quote || '' }));
  }

  function renderAnswer(result) {
    const answer = result.answer;
    const out = $('check-result');
    out.textContent = '';
    const head = h('div', { class: 'card' },
      h('h2', { text: 'Kira\'s answer' }),
      h('p', {},
        h('span', { class: 'mark ' + (answer.guardrail.verdict === 'pass' ? 'passed' : 'failed'), text: 'guardrail: ' + answer.guardrail.verdict }),
        answer.abstained ? h('span', { class: 'mark unsupported', text: 'declined: ' + answer.abstainReason }) : null,
        answer.safety.crisis ? h('span', { class: 'mark failed', text: 'crisis resources first' }) : null),
      h('ul', { class: 'checks', 'aria-label': 'Checks on the whole answer' },
        answer.guardrail.checks.map((c) => h('li', {}, h('span', { class: 'mark ' + (c.passed ? 'passed' : 'failed'), title: c.detail, text: (c.passed ? '✓ ' : '✗ ') + c.name })))));
    out.append(head);
    const list = h('ol', { class: 'list', 'aria-label': 'The answer sentence by sentence' });
    result.grounding.sentences.forEach((s, i) => {
      const li = h('li', { class: 'sentence ' + s.verdict });
      li.dataset.index = String(i);
      const cited = [...s.text.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1]));
      const citationsValid = cited.every((n) => answer.citations.some((c) => c.n === n));
      const limitsOk = !(s.findings || []).some((f) => f.rule !== 'overstatement');
      li.append(
        h('p', {}, markers(s.text, answer.citations, li)),
        h('ul', { class: 'checks', 'aria-label': 'Checks on this sentence' },
          h('li', {}, verdictMark(s.verdict)),
          h('li', {}, h('span', { class: 'mark ' + (s.supported ? 'passed' : 'failed'), text: (s.supported ? '✓' : '✗') + ' grounded' })),
          h('li', {}, h('span', { class: 'mark ' + (citationsValid ? 'passed' : 'failed'), text: (citationsValid ? '✓' : '✗') + ' citations-valid' })),
          h('li', {}, h('span', { class: 'mark ' + (limitsOk ? 'passed' : 'failed'), text: (limitsOk ? '✓' : '✗') + ' confidentiality-limits' }))),
        findingsOf(s));
      list.append(li);
    });
    out.append(h('div', { class: 'card' }, h('h2', { text: 'Sentence by sentence' }), list,
      h('button', { type: 'button', class: 'quiet', onclick: () => toGolden($('check-question').value, answer) }, 'Add this question to the golden set')));
  }

  function renderText(report) {
    const out = $('check-result');
    out.textContent = '';
    const list = h('ol', { class: 'list', 'aria-label': 'The text sentence by sentence' });
    for (const s of report.sentences) {
      list.append(h('li', { class: 'sentence ' + s.verdict }, h('p', {}, verdictMark(s.verdict), s.text), findingsOf(s), nearestOf(s)));
    }
    const count = (v) => report.sentences.filter((s) => s.verdict === v).length;
    out.append(h('div', { class: 'card' },
      h('h2', { text: 'Checked against the library: ' + count('supported') + ' supported, ' + count('overstated')
        + ' overstated, ' + count('unsupported') + ' unsupported, of ' + report.sentences.length + ' sentences' }), list));
  }

  async function checkQuestion(ev) {
    ev.preventDefault();
    const button = ev.submitter;
    busy(button, true);
    $('check-status').textContent = 'Asking Kira and checking every sentence…';
    try {
      renderAnswer(await api('POST', '/v1/admin/check', { question: $('check-question').value }));
      $('check-status').textContent = 'Checked.';
    } catch (e) { $('check-status').textContent = e.message; }
    busy(button, false);
  }

  async function checkText(ev) {
    ev.preventDefault();
    const button = ev.submitter;
    busy(button, true);
    $('check-status').textContent = 'Checking every sentence against the library…';
    try {
      const question = $('check-context').value.trim();
      renderText(await api('POST', '/v1/admin/grounding', question ? { answer: $('check-text').value, question } : { answer: $('check-text').value }));
      $('check-status').textContent = 'Checked.';
    } catch (e) { $('check-status').textContent = e.message; }
    busy(button, false);
  }

  // ---------------------------------------------------------------- what readers asked

  async function loadInsights(ev) {
    if (ev) ev.preventDefault();
    const params = new URLSearchParams();
    if ($('range-from').value) params.set('from', $('range-from').value);
    if ($('range-to').value) params.set('to', $('range-to').value);
    $('insights-status').textContent = 'Loading…';
    try {
      const [insights, library] = await Promise.all([
        api('GET', '/v1/admin/insights' + (params.toString() ? '?' + params : '')),
        api('GET', '/v1/admin/library')]);
      lastInsights = insights;
      renderInsights(insights, library.documents);
      const answers = insights.daily.reduce((a, d) => a + d.answers, 0);
      $('insights-status').textContent = answers + ' answers over ' + insights.daily.length + ' days.';
    } catch (e) { $('insights-status').textContent = e.message; }
  }

  function renderInsights(data, documents) {
    const days = data.daily.map((d) => d.date);
    chart('chart-daily', {
      type: 'bar',
      data: { labels: days, datasets: [
        { label: 'Answered', data: data.daily.map((d) => d.answers - d.abstained), backgroundColor: COLORS[0], stack: 'a' },
        { label: 'Declined', data: data.daily.map((d) => d.abstained), backgroundColor: COLORS[1], stack: 'a' }] },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    }, 'Answers by day: ' + data.daily.map((d) => d.date + ' ' + d.answers).join(', '));
    const reasons = Object.keys(data.abstentions);
    chart('chart-declines', {
      type: 'bar',
      data: { labels: reasons.map((r) => r.replace(/_/g, ' ')), datasets: [{ label: 'Declines', data: reasons.map((r) => data.abstentions[r]), backgroundColor: COLORS.slice(1) }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }, 'Declines by reason: ' + reasons.map((r) => r + ' ' + data.abstentions[r]).join(', '));
    chart('chart-crisis', {
      type: 'line',
      data: { labels: days, datasets: [{ label: 'Crisis responses', data: data.daily.map((d) => d.crisis), borderColor: COLORS[2], backgroundColor: COLORS[2] }] },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }, 'Crisis responses by day: ' + data.daily.map((d) => d.date + ' ' + d.crisis).join(', '));

    const notCovered = $('not-covered');
    notCovered.textContent = '';
    if (!data.notCovered.length) notCovered.append(h('li', { class: 'muted', text: 'Nothing yet.' }));
    for (const g of data.notCovered) {
      notCovered.append(h('li', {}, h('span', { class: 'count', text: g.count + '× ' }), g.question,
        h('ul', { 'aria-label': 'Examples, newest first' }, g.examples.map((e) => h('li', { class: 'muted', text: e })))));
    }
    const down = $('down-voted');
    down.textContent = '';
    if (!data.downVoted.length) down.append(h('li', { class: 'muted', text: 'No down votes.' }));
    for (const v of data.downVoted) {
      down.append(h('li', {}, h('div', { text: v.question || '(question not kept: a crisis message)' }),
        h('div', { class: 'muted', text: v.comment ? '“' + v.comment + '”' : 'no comment' })));
    }
    const most = $('most-cited');
    most.textContent = '';
    if (!data.sections.length) most.append(h('li', { class: 'muted', text: 'No citations yet.' }));
    for (const s of data.sections.slice(0, 15)) most.append(h('li', {}, h('span', { class: 'count', text: s.citations + '× ' }), s.section));
    const cited = new Set(data.sections.map((s) => s.section));
    const never = $('never-cited');
    never.textContent = '';
    for (const d of documents) {
      for (const s of d.sections) if (!cited.has(s.section)) never.append(h('li', {}, s.section, h('span', { class: 'muted', text: ' — ' + d.title })));
    }
  }

  function csvCell(v) {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function exportCsv() {
    if (!lastInsights) return;
    const d = lastInsights;
    const rows = [['kind', 'date or group', 'count', 'answers', 'declined', 'crisis', 'text', 'comment']];
    for (const x of d.daily) rows.push(['day', x.date, '', x.answers, x.abstained, x.crisis, '', '']);
    for (const [r, n] of Object.entries(d.abstentions)) rows.push(['decline', r, n, '', '', '', '', '']);
    for (const g of d.notCovered) rows.push(['not covered', g.question, g.count, '', '', '', g.examples.join(' | '), '']);
    for (const v of d.downVoted) rows.push(['down vote', v.answerId, 1, '', '', '', v.question, v.comment]);
    for (const s of d.sections) rows.push(['cited section', s.section, s.citations, '', '', '', '', '']);
    const blob = new Blob([rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'], { type: 'text/csv' });
    const a = h('a', { href: URL.createObjectURL(blob), download: 'kira-insights.csv' });
    document.body.append(a);
    a.click();
    a.remove();
  }

  // ---------------------------------------------------------------- library

  function renderLibrary(documents) {
    const body = $('library-table').querySelector('tbody');
    body.textContent = '';
    sections = [];
    for (const d of documents) {
      body.append(h('tr', {},
        h('td', {}, h('a', { href: d.url, text: d.title })),
        h('td', { text: d.type }), h('td', { class: 'date', text: d.lastUpdated }), h('td', { text: d.reviewedBy }),
        h('td', { text: String(d.chunks) }), h('td', { text: String(d.citations) })));
      for (const s of d.sections) sections.push({ key: d.slug + '#' + (s.url.split('#')[1] || ''), label: s.section + ' — ' + d.title });
    }
    const select = $('golden-section');
    select.textContent = '';
    for (const s of sections) select.append(h('option', { value: s.key, text: s.label }));
  }

  async function reindex(ev) {
    ev.preventDefault();
    const button = ev.submitter;
    busy(button, true);
    $('reindex-result').textContent = 'Building a new index aside and running the golden set on it…';
    $('reindex-result').className = 'status';
    try {
      const r = await api('POST', '/v1/admin/reindex/gated', { minHit3: Number($('min-hit3').value), minMrr: Number($('min-mrr').value) });
      $('reindex-result').textContent = r.reason + ' (' + r.score.questions + ' golden questions: hit@3 ' + r.score.hit3.toFixed(3) + ', MRR ' + r.score.mrr.toFixed(3) + ')';
      $('reindex-result').className = r.swapped ? 'status verdict-pass' : 'status verdict-fail';
      if (r.swapped) renderLibrary((await api('GET', '/v1/admin/library')).documents);
    } catch (e) {
      $('reindex-result').textContent = 'Refused: ' + e.message;
      $('reindex-result').className = 'status verdict-fail';
    }
    busy(button, false);
  }

  // ---------------------------------------------------------------- evaluation

  async function runEval() {
    busy($('run-eval'), true);
    try {
      const run = await api('POST', '/v1/admin/evaluations');
      poll(run.runId);
    } catch (e) {
      $('eval-status').textContent = e.message;
      busy($('run-eval'), false);
    }
  }

  async function poll(runId) {
    const run = await api('GET', '/v1/admin/evaluations/' + encodeURIComponent(runId));
    $('eval-progress').max = Math.max(1, run.total);
    $('eval-progress').value = run.done;
    if (run.status === 'running') {
      $('eval-status').textContent = 'Running: ' + run.done + ' of ' + run.total + ' questions';
      setTimeout(() => poll(runId), 500);
      return;
    }
    busy($('run-eval'), false);
    $('eval-status').textContent = run.status === 'done'
      ? 'Finished: ' + run.summary.passed + ' of ' + run.summary.questions + ' passed'
      : 'The run failed; see the server log.';
    if (run.status === 'done') renderRun(run);
  }

  async function loadLatestRun() {
    try {
      const runs = (await api('GET', '/v1/admin/evaluations')).runs;
      if (!runs.length) { $('eval-status').textContent = 'No run yet.'; return; }
      if (runs[0].status === 'running') { busy($('run-eval'), true); poll(runs[0].runId); return; }
      const run = await api('GET', '/v1/admin/evaluations/' + encodeURIComponent(runs[0].runId));
      if (run.status === 'done') renderRun(run);
    } catch (e) { $('eval-status').textContent = e.message; }
  }

  function renderRun(run) {
    const s = run.summary;
    $('eval-report').hidden = false;
    $('eval-progress').max = Math.max(1, run.total);
    $('eval-progress').value = run.done;
    chart('chart-eval-pass', {
      type: 'doughnut',
      data: { labels: ['Passed', 'Failed'], datasets: [{ data: [s.passed, s.failed], backgroundColor: [COLORS[3], COLORS[2]] }] },
    }, s.passed + ' passed, ' + s.failed + ' failed');
    const previous = run.diff && run.diff.previous;
    const rates = { labels: ['Right section cited', 'Facts stated'], datasets: [{ label: 'This run', data: [s.hitRate, s.factsRate], backgroundColor: COLORS[0] }] };
    if (previous) rates.datasets.push({ label: 'Run before', data: [previous.hitRate, previous.factsRate], backgroundColor: COLORS[5] });
    chart('chart-eval-rates', { type: 'bar', data: rates, options: { scales: { y: { beginAtZero: true, max: 1 } } } },
      'Right section cited ' + s.hitRate + ', facts stated ' + s.factsRate + '; latency median ' + s.latencyP50Ms + ' ms, p95 ' + s.latencyP95Ms + ' ms');
    $('eval-latency').textContent = 'Latency per answer: median ' + s.latencyP50Ms + ' ms, p95 ' + s.latencyP95Ms + ' ms, slowest ' + s.latencyMaxMs + ' ms.';
    const labels = Object.keys(s.verdicts).map((v) => 'verdict ' + v).concat(Object.keys(s.declines).map((d) => 'declined ' + d.replace(/_/g, ' ')), ['crisis']);
    const values = Object.values(s.verdicts).concat(Object.values(s.declines), [s.crisis]);
    chart('chart-eval-verdicts', {
      type: 'bar', data: { labels, datasets: [{ label: 'Questions', data: values, backgroundColor: COLORS[4] }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    }, labels.map((l, i) => l + ' ' + values[i]).join(', '));
    const diff = $('eval-diff');
    diff.textContent = '';
    if (!run.diff) diff.append(h('p', { class: 'muted', text: 'No earlier run to compare with.' }));
    else {
      diff.append(h('p', { text: 'Passed ' + s.passed + ' (before: ' + previous.passed + '); right section cited ' + s.hitRate + ' (before: ' + previous.hitRate + '); facts stated ' + s.factsRate + ' (before: ' + previous.factsRate + '); median latency ' + s.latencyP50Ms + ' ms (before: ' + previous.latencyP50Ms + ' ms).' }),
        h('p', { text: 'Now failing: ' + (run.diff.nowFailing.join(', ') || 'none') + '. Now passing: ' + (run.diff.nowPassing.join(', ') || 'none') + '.' }));
    }
    const body = $('eval-table').querySelector('tbody');
    body.textContent = '';
    for (const r of run.results) {
      body.append(h('tr', {},
        h('td', {}, h('span', { class: r.passed ? 'verdict-pass' : 'verdict-fail', text: r.passed ? 'passed' : 'failed' })),
        h('td', { text: r.question }), h('td', { text: r.expected.join(', ') }),
        h('td', { text: r.abstained ? 'declined: ' + r.abstainReason : r.cited.join(', ') }),
        h('td', { text: r.factsStated + ' of ' + r.facts }), h('td', { text: r.verdict }), h('td', { text: String(r.latencyMs) })));
    }
  }

  function toGolden(question, answer) {
    $('golden-question').value = question;
    $('golden-answer').value = answer && answer.id ? answer.id : '';
    const first = answer && answer.citations[0];
    if (first) {
      const key = first.chunkId.replace(/-\d+$/, '');
      if ([...$('golden-section').options].some((o) => o.value === key)) $('golden-section').value = key;
    }
    show('evaluation');
    $('golden-facts').focus();
  }

  async function addGolden(ev) {
    ev.preventDefault();
    const facts = $('golden-facts').value.split('\n').map((l) => l.split('|').map((p) => p.trim()).filter(Boolean)).filter((f) => f.length);
    try {
      const row = await api('POST', '/v1/admin/golden', {
        question: $('golden-question').value, expectedSection: $('golden-section').value, facts,
        answerId: $('golden-answer').value || null });
      $('golden-status').textContent = 'Added: “' + row.question + '” now expects ' + row.expectedSection + '. The next run includes it.';
    } catch (e) { $('golden-status').textContent = e.message; }
  }

  // ---------------------------------------------------------------- wiring

  document.addEventListener('DOMContentLoaded', () => {
    $('sign-in-form').addEventListener('submit', (ev) => { ev.preventDefault(); signIn($('admin-key').value); });
    $('sign-out').addEventListener('click', signOut);
    for (const tab of document.querySelectorAll('.tab')) tab.addEventListener('click', () => show(tab.dataset.section));
    $('ask-form').addEventListener('submit', checkQuestion);
    $('text-form').addEventListener('submit', checkText);
    $('range-form').addEventListener('submit', loadInsights);
    $('export-csv').addEventListener('click', exportCsv);
    $('reindex-form').addEventListener('submit', reindex);
    $('run-eval').addEventListener('click', runEval);
    $('golden-form').addEventListener('submit', addGolden);
    const key = sessionStorage.getItem(KEY);
    if (key) signIn(key);
  });
})();

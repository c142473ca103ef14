// The preview's stand-in for VS Code: `acquireVsCodeApi` (messages from the page are kept in
// window.__preview.posted; state in sessionStorage), the theme (a stylesheet of --vscode-*
// variables and the body class VS Code sets), and the host's messages: a `load` of saved
// results, or a training session replayed as the host would stream it (mode=stream).
// Loaded before the page's script; the data comes from window.__PREVIEW_DATA__.
(function () {
  'use strict';
  const data = window.__PREVIEW_DATA__;
  const preview = (window.__preview = { posted: [], violations: [], errors: [], firstDrawMs: null, readyAt: null, sessionAt: null });
  document.addEventListener('securitypolicyviolation', (e) => preview.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  window.addEventListener('error', (e) => preview.errors.push(String(e.message)));

  const classes = { dark: 'vscode-dark', light: 'vscode-light', 'high-contrast': 'vscode-high-contrast' };
  // As VS Code does: the variables change with the body class (here once the stylesheet has loaded).
  preview.setTheme = (name) =>
    new Promise((resolve) => {
      const link = document.getElementById('preview-theme');
      link.onload = () => {
        document.body.className = classes[name];
        resolve();
      };
      link.href = `/themes/${name}.css`;
    });
  document.body.className = classes[data.theme];

  const send = (message) => window.postMessage(message, '*');
  const key = 'reglab-preview-state';
  window.acquireVsCodeApi = () => ({
    postMessage(message) {
      preview.posted.push(message);
      if (message.type === 'ready') setTimeout(start, 0);
      if (message.type === 'exportChart') send({ type: 'requestChartImage', requestId: preview.posted.length });
      if (message.type === 'stop') preview.stopped = true;
    },
    getState() {
      if (preview.bigState !== undefined) return preview.bigState;
      const text = sessionStorage.getItem(key);
      return text === null ? undefined : JSON.parse(text);
    },
    setState(state) {
      preview.stateSaves = (preview.stateSaves || 0) + 1;
      // sessionStorage holds ~5 MB; VS Code's setState has no such limit, and a lesson's results
      // (09: 12 MB of per-epoch curves) threw here and left the page half drawn. Kept in memory
      // instead (a reload then starts empty).
      try {
        sessionStorage.setItem(key, JSON.stringify(state));
        delete preview.bigState;
      } catch {
        sessionStorage.removeItem(key);
        preview.bigState = state;
      }
    },
  });

  function start() {
    preview.readyAt = performance.now();
    if (data.mode === 'none') return;
    if (data.mode === 'empty') return send({ type: 'load', state: { file: '', results: null, knobs: data.knobs, view: data.view, logScale: true } });
    if (data.mode === 'load') return send({ type: 'load', state: { file: data.results.file, results: data.results, knobs: data.knobs, view: data.view, logScale: true } });
    stream();
  }

  // Replays the results as a session: runs start two at a time, each tick sends the next
  // `chunk` epochs of every running run (and the snapshots up to there), like the host's batches.
  function stream() {
    const results = data.results;
    const queued = results.runs.map((r) => ({ ...r, status: 'queued', metrics: [], snapshots: [], summary: undefined, data: undefined, message: undefined, epoch: undefined }));
    send({ type: 'load', state: { file: results.file, results: null, knobs: data.knobs, view: data.view, logScale: true } });
    send({ type: 'sessionStarted', results: { ...results, runs: queued, sweep: [], finishedAt: undefined }, playground: false });
    preview.sessionAt = performance.now();
    const pending = results.runs.map((run) => ({ run, next: 0, started: false }));
    const chunk = data.chunk || 40;
    const tick = () => {
      if (preview.stopped) {
        send({ type: 'events', events: pending.filter((p) => p.started).map((p) => ({ type: 'cancelled', runId: p.run.id })) });
        return send({ type: 'sessionFinished', results });
      }
      const events = [];
      const active = pending.filter((p) => p.started).slice(0, 2);
      for (const p of pending) {
        if (active.length >= 2) break;
        if (p.started) continue;
        p.started = true;
        active.push(p);
        const x = p.run.data?.train.x[0];
        events.push({ type: 'started', runId: p.run.id, parameterCount: p.run.parameterCount ?? 0, task: p.run.task ?? 'regression', inputs: x ? x.length : 1, outputs: 1 });
        if (p.run.data) events.push({ type: 'data', runId: p.run.id, train: p.run.data.train, test: p.run.data.test });
      }
      for (const p of active) {
        const metrics = p.run.metrics.slice(p.next, p.next + chunk);
        p.next += metrics.length;
        if (metrics.length > 0) events.push({ type: 'epochs', runId: p.run.id, metrics });
        const upTo = p.next >= p.run.metrics.length ? Infinity : metrics[metrics.length - 1].epoch;
        p.snapshots = p.snapshots || 0;
        while (p.snapshots < p.run.snapshots.length && p.run.snapshots[p.snapshots].epoch <= upTo) {
          events.push({ type: 'snapshot', runId: p.run.id, snapshot: p.run.snapshots[p.snapshots++] });
        }
        if (p.next >= p.run.metrics.length) {
          p.done = true;
          const r = p.run;
          if (r.status === 'finished') events.push({ type: 'finished', runId: r.id, summary: r.summary });
          else if (r.status === 'diverged') events.push({ type: 'diverged', runId: r.id, epoch: r.epoch ?? 0, step: 0, cause: r.message ?? '' });
          else if (r.status === 'failed') events.push({ type: 'failed', runId: r.id, message: r.message ?? '' });
          else events.push({ type: 'cancelled', runId: r.id });
        }
      }
      for (let i = pending.length - 1; i >= 0; i--) if (pending[i].done) pending.splice(i, 1);
      if (events.length > 0) send({ type: 'events', events });
      if (pending.length === 0) {
        preview.finishedAt = performance.now();
        return send({ type: 'sessionFinished', results });
      }
      setTimeout(tick, data.tickMs || 100);
    };
    setTimeout(tick, 50);
  }
})();

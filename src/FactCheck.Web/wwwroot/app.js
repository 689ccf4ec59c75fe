// FactCheck review page. Findings come from /api/findings; a finding's card is the server's shared template (/ui/findings/ID,
// the same HTML as report.html). Every piece of text this script adds goes through textContent, never innerHTML.
(function () {
  'use strict';
  var state = { run: null, all: [], shown: [], current: null, selected: new Set(), first: true };
  var $ = function (id) { return document.getElementById(id); };
  var token = null;
  var m = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
  if (m) { token = decodeURIComponent(m[1]); sessionStorage.setItem('fc-token', token); history.replaceState(null, '', location.pathname + location.search); }
  else token = sessionStorage.getItem('fc-token');

  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers['Authorization'] = 'Bearer ' + token;
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        var type = r.headers.get('Content-Type') || '';
        var p = type.indexOf('json') >= 0 ? r.json() : r.text();
        return p.then(function (data) {
          if (!r.ok) throw new Error((data && data.error) || ('HTTP ' + r.status));
          return data;
        });
      });
  }
  function status(text, isError) { var s = $('status'); s.textContent = text; s.className = isError ? 'error' : ''; }
  function reviewer() { return $('reviewer').value.trim(); }
  function verdictOf(f) { return f.verdict || 'undecided'; }
  function outlets(f) { return (f.evidence || []).map(function (e) { return e.source; }).filter(Boolean); }

  function fillSelect(id, values) {
    var sel = $(id), keep = sel.value;
    while (sel.options.length > 1) sel.remove(1);
    values.forEach(function (v) { var o = document.createElement('option'); o.value = v; o.textContent = v || '(one story)'; sel.appendChild(o); });
    sel.value = values.indexOf(keep) >= 0 ? keep : '';
  }
  function uniq(a) { return Array.from(new Set(a)).sort(); }

  function load(keepCurrent) {
    var q = state.run ? '?run=' + encodeURIComponent(state.run) : '';
    return api('GET', '/api/findings' + q).then(function (data) {
      state.run = data.run;
      state.all = data.findings;
      $('run-info').textContent = data.run ? 'run ' + data.run + ' · ' + data.findings.length + ' findings' : 'no runs yet: POST /api/check or run factcheck check';
      fillSelect('f-story', uniq(state.all.map(function (f) { return f.story || ''; })));
      fillSelect('f-outlet', uniq([].concat.apply([], state.all.map(outlets))));
      fillSelect('f-rule', uniq(state.all.map(function (f) { return f.rule; })));
      fillSelect('f-reviewer', uniq([].concat.apply([], state.all.map(function (f) { return f.reviews.map(function (d) { return d.reviewer; }); }))));
      applyFilters();
      var cur = keepCurrent && state.current && state.shown.some(function (f) { return f.id === state.current; }) ? state.current : null;
      if (!cur && state.shown.length) {
        var undecided = state.shown.filter(function (f) { return !f.verdict; });
        cur = (undecided[0] || state.shown[0]).id;
      }
      select(cur);
    }).catch(function (e) { status(e.message, true); });
  }

  function applyFilters() {
    var story = $('f-story').value, outlet = $('f-outlet').value, rule = $('f-rule').value, sev = $('f-severity').value;
    var min = parseFloat($('f-score').value) || 0, verdict = $('f-verdict').value, who = $('f-reviewer').value;
    state.shown = state.all.filter(function (f) {
      if (story && (f.story || '') !== story) return false;
      if (outlet && outlets(f).indexOf(outlet) < 0) return false;
      if (rule && f.rule !== rule) return false;
      if (sev && f.severity !== sev) return false;
      if (f.score < min) return false;
      if (verdict === 'disagreement' ? !f.disagreement : verdict && verdictOf(f) !== verdict) return false;
      if (who && !f.reviews.some(function (d) { return d.reviewer === who; })) return false;
      return true;
    });
    $('count').textContent = state.shown.length + ' of ' + state.all.length + ' shown';
    renderQueue();
  }

  function renderQueue() {
    var q = $('queue');
    q.textContent = '';
    var groups = {};
    state.shown.forEach(function (f) { var k = f.story || ''; (groups[k] = groups[k] || []).push(f); });
    Object.keys(groups).sort().forEach(function (k) {
      var h = document.createElement('h3');
      h.textContent = (k || 'Story') + ' (' + groups[k].length + ')';
      q.appendChild(h);
      groups[k].forEach(function (f) {
        var item = document.createElement('div');
        item.className = 'item v-' + verdictOf(f) + (f.id === state.current ? ' selected' : '');
        item.setAttribute('data-id', f.id);
        item.setAttribute('data-verdict', verdictOf(f));
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = state.selected.has(f.id);
        box.setAttribute('aria-label', 'select');
        box.addEventListener('click', function (ev) { ev.stopPropagation(); if (box.checked) state.selected.add(f.id); else state.selected.delete(f.id); bulkLabel(); });
        var v = document.createElement('span'); v.className = 'qv ' + verdictOf(f); v.textContent = verdictOf(f);
        var msg = document.createElement('span'); msg.className = 'msg'; msg.textContent = f.severity + ' · ' + f.rule + ' · ' + f.message;
        item.appendChild(box); item.appendChild(v);
        if (f.disagreement) { var d = document.createElement('span'); d.className = 'qd'; d.textContent = '≠'; d.title = 'reviewers disagree'; item.appendChild(d); }
        item.appendChild(msg);
        item.addEventListener('click', function () { select(f.id); });
        q.appendChild(item);
      });
    });
    bulkLabel();
  }

  function bulkLabel() {
    var n = state.selected.size;
    $('b-bulk-dismiss').textContent = 'Dismiss ' + n + ' selected';
    $('b-bulk-confirm').textContent = 'Confirm ' + n + ' selected';
  }

  function select(id) {
    state.current = id;
    document.querySelectorAll('.item').forEach(function (e) { e.classList.toggle('selected', e.getAttribute('data-id') === id); });
    var el = document.querySelector('.item.selected');
    if (el && el.scrollIntoView) el.scrollIntoView({ block: 'nearest' });
    if (!id) { $('card').textContent = state.all.length ? 'No finding matches the filters.' : 'No findings.'; return; }
    var f = state.all.find(function (x) { return x.id === id; });
    $('note').value = f && f.decision && f.decision.reviewer === reviewer() && f.decision.note ? f.decision.note : '';
    var headers = token ? { 'Authorization': 'Bearer ' + token } : {};
    fetch('/ui/findings/' + encodeURIComponent(id), { headers: headers }).then(function (r) { return r.text(); }).then(function (html) {
      if (state.current !== id) return;
      // Server-rendered by the shared template; all article text in it is escaped there.
      $('card').innerHTML = html;
    });
  }

  function move(delta) {
    if (!state.shown.length) return;
    var i = state.shown.findIndex(function (f) { return f.id === state.current; });
    i = Math.max(0, Math.min(state.shown.length - 1, (i < 0 ? 0 : i + delta)));
    select(state.shown[i].id);
  }

  function chosenFix() { var r = document.querySelector('#card input[name=fix]:checked'); return r && r.value ? r.value : null; }

  function decide(verdict) {
    var id = state.current;
    if (!id) return;
    if (!reviewer()) { status('Enter your name as reviewer first.', true); $('reviewer').focus(); return; }
    var body = { verdict: verdict, reviewer: reviewer(), note: $('note').value.trim() || null, fix: verdict === 'confirmed' ? chosenFix() : null };
    api('POST', '/api/findings/' + encodeURIComponent(id) + '/decisions', body).then(function () {
      status(verdict + ': ' + id);
      var i = state.shown.findIndex(function (f) { return f.id === id; });
      var next = state.shown[i + 1];
      return load(true).then(function () { if (next && state.shown.some(function (f) { return f.id === next.id; })) select(next.id); else select(id); });
    }).catch(function (e) { status(e.message, true); });
  }

  function undo() {
    var id = state.current;
    if (!id || !reviewer()) return;
    api('POST', '/api/findings/' + encodeURIComponent(id) + '/undo', { reviewer: reviewer() })
      .then(function (d) { status('undone: ' + id); return load(true).then(function () { select(id); }); })
      .catch(function (e) { status(e.message, true); });
  }

  function bulk(verdict) {
    var ids = Array.from(state.selected);
    if (!ids.length) { status('Select findings first (the boxes in the queue).', true); return; }
    if (!reviewer()) { status('Enter your name as reviewer first.', true); return; }
    api('POST', '/api/decisions/bulk', { ids: ids, verdict: verdict, reviewer: reviewer(), note: $('note').value.trim() || null })
      .then(function (r) { status(verdict + ': ' + r.recorded + ' findings'); state.selected.clear(); return load(true); })
      .catch(function (e) { status(e.message, true); });
  }

  document.addEventListener('keydown', function (ev) {
    var t = ev.target && ev.target.tagName;
    if (t === 'TEXTAREA' || t === 'INPUT' || t === 'SELECT') { if (ev.key === 'Escape') ev.target.blur(); return; }
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    switch (ev.key) {
      case 'c': decide('confirmed'); break;
      case 'd': decide('dismissed'); break;
      case 'u': decide('unsure'); break;
      case 'z': undo(); break;
      case 'n': $('note').focus(); break;
      case 'j': case 'ArrowDown': move(1); break;
      case 'k': case 'ArrowUp': move(-1); break;
      default: return;
    }
    ev.preventDefault();
  });

  document.addEventListener('DOMContentLoaded', function () {
    var who = localStorage.getItem('fc-reviewer') || document.body.getAttribute('data-reviewer') || '';
    $('reviewer').value = who;
    $('reviewer').addEventListener('change', function () { localStorage.setItem('fc-reviewer', reviewer()); });
    ['f-story', 'f-outlet', 'f-rule', 'f-severity', 'f-score', 'f-verdict', 'f-reviewer'].forEach(function (id) {
      $(id).addEventListener('change', function () { applyFilters(); if (!state.shown.some(function (f) { return f.id === state.current; })) select(state.shown.length ? state.shown[0].id : null); });
    });
    $('b-confirm').addEventListener('click', function () { decide('confirmed'); });
    $('b-dismiss').addEventListener('click', function () { decide('dismissed'); });
    $('b-unsure').addEventListener('click', function () { decide('unsure'); });
    $('b-undo').addEventListener('click', undo);
    $('b-select').addEventListener('click', function () { state.shown.forEach(function (f) { state.selected.add(f.id); }); renderQueue(); });
    $('b-bulk-dismiss').addEventListener('click', function () { bulk('dismissed'); });
    $('b-bulk-confirm').addEventListener('click', function () { bulk('confirmed'); });
    load(false);
  });
})();

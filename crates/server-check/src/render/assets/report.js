// The HTML report's script (src/render/html.rs embeds it; its hash is in the page's Content-Security-Policy).
// It reads the results model from the page's JSON block and builds the page with DOM calls only (never
// innerHTML), so nothing a server sent can become markup. Probes and exchanges are built when their
// expectation is opened, so a run of thousands of exchanges opens at once.
'use strict';
(function () {
  const report = JSON.parse(document.getElementById('report-data').textContent);
  const OUTCOMES = ['failed', 'accepted', 'passed', 'not-checked', 'not-applicable', 'skipped'];
  const LABELS = {
    failed: 'failed', accepted: 'accepted', passed: 'passed', 'not-checked': 'not checked',
    'not-applicable': 'not applicable', skipped: 'skipped',
    held: 'held', broken: 'broken', 'not-judged': 'not judged', 'not-sent': 'not sent',
  };
  const VERDICTS = { conforms: 'conforms', 'does-not-conform': 'does not conform', 'could-not-check': 'could not check' };
  const BODY_SHOWN = 2000;
  const PRETTY_UP_TO = 100000;
  const PROBES_SHOWN = 100;

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function countKey(outcome) { return outcome.replace(/-/g, '_'); }

  function facts(pairs) {
    return el('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  }

  function header() {
    const t = report.target;
    const d = report.deliveries;
    const verdict = report.verdict;
    return [
      el('h1', {}, 'cognito-idp-conformance: ',
        el('span', { class: 'verdict ' + verdict.outcome, id: 'verdict' }, VERDICTS[verdict.outcome] || verdict.outcome)),
      el('p', { id: 'verdict-summary' }, verdict.summary),
      facts([
        ['endpoint', t.endpoint],
        ['app client', t.client_id + (t.client_has_secret ? ' (with a secret)' : ' (without a secret)')],
        ['unconfirmed user', t.username],
        ['confirmed user', t.confirmed_username],
        ['unknown users', t.prevent_user_existence_errors ? 'hidden (PreventUserExistenceErrors)' : 'shown'],
        ['deliveries', d.sent + ' of a budget of ' + d.budget + ' sent, ' + d.made + ' delivered'],
        ['exchanges', String(report.exchanges.length)],
        ['started', report.started + ', ' + report.seconds.toFixed(2) + ' s, exit code ' + verdict.exit_code],
        ['baseline', report.settings.baseline],
        ['tool', report.tool],
      ]),
    ];
  }

  function countsTable() {
    const head = el('tr', {}, el('th', {}, 'family'), OUTCOMES.map((o) => el('th', {}, LABELS[o])));
    const rows = report.families.map((f) => el('tr', {},
      el('td', {}, el('button', { type: 'button', class: 'family-only', 'data-family': f.family,
        title: 'show only this family', onclick: () => onlyFamily(f.family) }, f.family), ' ', f.title),
      OUTCOMES.map((o) => el('td', {}, String(f.counts[countKey(o)])))));
    const total = el('tr', {}, el('td', {}, 'all'), OUTCOMES.map((o) => el('td', {}, String(report.counts[countKey(o)]))));
    return el('table', { id: 'counts' }, el('thead', {}, head), el('tbody', {}, rows), el('tfoot', {}, total));
  }

  // Filters: families, outcomes, and text in an id.
  const families = report.families.map((f) => f.family);
  const state = { families: new Set(families), outcomes: new Set(OUTCOMES), text: '' };
  let items = [];
  let shownLine = null;
  let emptyLine = null;

  function filters() {
    const familyBoxes = families.map((f) => el('label', {}, el('input', {
      type: 'checkbox', name: 'family', value: f, checked: true,
      onchange: (e) => { toggle(state.families, f, e.target.checked); apply(); },
    }), ' ', f));
    const outcomeBoxes = OUTCOMES.map((o) => el('label', { class: o }, el('input', {
      type: 'checkbox', name: 'outcome', value: o, checked: true,
      onchange: (e) => { toggle(state.outcomes, o, e.target.checked); apply(); },
    }), ' ', LABELS[o], ' ', el('span', { class: 'muted' }, '(' + report.counts[countKey(o)] + ')')));
    return el('form', { class: 'filters', id: 'filters', onsubmit: (e) => e.preventDefault() },
      el('fieldset', {}, el('legend', {}, 'Family'), familyBoxes),
      el('fieldset', {}, el('legend', {}, 'Outcome'), outcomeBoxes),
      el('input', { type: 'search', name: 'text', placeholder: 'id contains…', 'aria-label': 'id contains',
        oninput: (e) => { state.text = e.target.value.trim().toLowerCase(); apply(); } }),
      el('button', { type: 'button', id: 'failures-only', onclick: failuresOnly }, 'failures only'),
      el('button', { type: 'button', id: 'show-all', onclick: showAll }, 'show all'));
  }

  function toggle(set, value, on) { if (on) set.add(value); else set.delete(value); }

  function setBoxes(name, set) {
    for (const box of document.querySelectorAll('input[name="' + name + '"]')) box.checked = set.has(box.value);
  }

  function onlyFamily(family) {
    state.families = new Set([family]);
    setBoxes('family', state.families);
    apply();
  }

  function failuresOnly() {
    state.outcomes = new Set(['failed']);
    setBoxes('outcome', state.outcomes);
    apply();
  }

  function showAll() {
    state.families = new Set(families);
    state.outcomes = new Set(OUTCOMES);
    state.text = '';
    setBoxes('family', state.families);
    setBoxes('outcome', state.outcomes);
    document.querySelector('input[name="text"]').value = '';
    apply();
  }

  function apply() {
    let shown = 0;
    for (const { node, result } of items) {
      const visible = state.families.has(result.family) && state.outcomes.has(result.outcome)
        && (state.text === '' || result.id.toLowerCase().includes(state.text));
      node.hidden = !visible;
      if (visible) shown += 1;
    }
    shownLine.textContent = shown + ' of ' + items.length + ' expectations shown';
    emptyLine.hidden = shown > 0;
  }

  // Expectations, each opening to its probes; a probe opens to its exchange.
  function expectation(result) {
    const node = el('details', { class: 'expectation ' + result.outcome, 'data-expectation': result.id,
      'data-outcome': result.outcome, 'data-family': result.family },
    el('summary', {}, el('span', { class: 'badge' }, LABELS[result.outcome]), el('span', { class: 'id' }, result.id),
      el('span', { class: 'summary' }, result.summary)));
    let built = false;
    node.addEventListener('toggle', () => {
      if (node.open && !built) {
        built = true;
        node.append(expectationBody(result));
      }
    });
    return node;
  }

  function expectationBody(result) {
    const body = el('div', { class: 'body' },
      el('dl', { class: 'kv' },
        el('dt', {}, 'expects'), el('dd', {}, result.title),
        el('dt', {}, 'source'), el('dd', {}, result.source.kind + ': ' + result.source.text),
        el('dt', {}, 'judged'), el('dd', {}, String(result.judged))));
    if (result.notes.length > 0) {
      body.append(el('h4', {}, 'Notes'), el('ul', { class: 'notes' }, result.notes.map((n) => el('li', {}, n))));
    }
    if (result.probes.length === 0) {
      body.append(el('p', { class: 'muted' }, result.family === 'response'
        ? 'No answer broke this rule or carried a note.' : 'No probe.'));
      return body;
    }
    // Broken probes first, then the rest in plan order.
    const order = { broken: 0, accepted: 1, 'not-judged': 2, 'not-sent': 3, held: 4 };
    const probes = result.probes.slice().sort((a, b) => order[a.outcome] - order[b.outcome]);
    body.append(el('h4', {}, 'Probes (' + probes.length + ')'));
    const list = el('div', { class: 'probes' });
    body.append(list);
    const more = (from) => {
      const to = Math.min(probes.length, from + PROBES_SHOWN);
      for (let i = from; i < to; i += 1) list.append(probe(probes[i], result.outcome === 'failed' && i === 0));
      if (to < probes.length) {
        const button = el('button', { type: 'button', class: 'more-probes', onclick: () => { button.remove(); more(to); } },
          'show ' + Math.min(PROBES_SHOWN, probes.length - to) + ' more of ' + (probes.length - to));
        list.append(button);
      }
    };
    more(0);
    return body;
  }

  function probe(p, open) {
    const node = el('details', { class: 'probe ' + p.outcome, 'data-probe': p.id, 'data-outcome': p.outcome },
      el('summary', {}, el('span', { class: 'badge' }, LABELS[p.outcome]), el('span', { class: 'id' }, p.id),
        el('span', { class: 'summary' }, p.what)));
    let built = false;
    const build = () => {
      if (node.open && !built) {
        built = true;
        node.append(probeBody(p));
      }
    };
    node.addEventListener('toggle', build);
    if (open) {
      node.open = true;
      build();
    }
    return node;
  }

  function probeBody(p) {
    const pairs = [['expected', p.expected], ['found', p.found], ['why', p.reason]]
      .filter(([, v]) => v !== null && v !== undefined);
    const body = el('div', { class: 'body' },
      el('dl', { class: 'kv' }, pairs.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
    if (p.exchange !== null && p.exchange !== undefined && report.exchanges[p.exchange]) {
      body.append(exchange(report.exchanges[p.exchange], p.exchange));
    } else {
      body.append(el('p', { class: 'muted' }, 'Not sent.'));
    }
    return body;
  }

  function headerLines(headers) { return headers.map((h) => h.name + ': ' + h.value).join('\n'); }

  function bodyText(body) {
    if (body.size === 0) return '(empty body)';
    if (body.encoding) return '(' + body.size + ' bytes, not UTF-8; ' + body.encoding + ')\n' + body.text;
    if (body.text.length <= PRETTY_UP_TO) {
      try {
        const value = JSON.parse(body.text);
        if (value !== null && typeof value === 'object') return JSON.stringify(value, null, 2);
      } catch (_) { /* not JSON: shown as it came */ }
    }
    return body.text;
  }

  // A block of text, cut to BODY_SHOWN characters with a button that shows the rest.
  function block(cls, text) {
    const pre = el('pre', { class: cls });
    if (text.length <= BODY_SHOWN) {
      pre.textContent = text;
      return pre;
    }
    pre.textContent = text.slice(0, BODY_SHOWN) + '…';
    const button = el('button', { type: 'button', class: 'whole', onclick: () => { pre.textContent = text; button.remove(); } },
      'show all ' + text.length + ' characters');
    return el('div', {}, pre, button);
  }

  function exchange(x, index) {
    const request = x.request;
    const node = el('div', { class: 'exchange', 'data-exchange': index },
      el('h4', {}, 'Request'),
      block('request', request.method + ' ' + request.url + '\n' + headerLines(request.headers) + '\n\n' + bodyText(request.body)),
      el('h4', {}, 'Answer'));
    if (x.response) {
      const r = x.response;
      node.append(block('answer', 'HTTP ' + r.status + ' (' + x.milliseconds + ' ms)\n' + headerLines(r.headers) + '\n\n'
        + bodyText(r.body)));
    } else {
      node.append(el('p', { class: 'answer error' }, 'No answer (after ' + x.milliseconds + ' ms): ' + (x.error || 'none')));
    }
    const curl = el('pre', { class: 'curl' });
    curl.textContent = x.curl;
    const copy = el('button', { type: 'button', class: 'copy', onclick: () => copyText(x.curl, curl, copy) }, 'copy');
    node.append(el('h4', {}, 'Send it again'), el('div', { class: 'curl-row' }, curl, copy));
    return node;
  }

  function copyText(text, pre, button) {
    const selectIt = () => {
      const range = document.createRange();
      range.selectNodeContents(pre);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      button.textContent = 'selected: press Ctrl+C';
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(() => { button.textContent = 'copied'; }, selectIt);
    } else {
      selectIt();
    }
  }

  function stale() {
    if (report.stale_baseline.length === 0) return null;
    return el('section', { id: 'stale-baseline' },
      el('h2', {}, 'Baseline entries that accepted nothing (' + report.stale_baseline.length + ')'),
      el('p', { class: 'muted' }, 'The server holds there now, or it was not checked: remove them, or run with --baseline-update.'),
      el('ul', {}, report.stale_baseline.map((e) => el('li', {}, el('code', {}, e.id + (e.probe ? ' (' + e.probe + ')' : '')), ': ', e.why))));
  }

  const app = document.getElementById('app');
  items = report.expectations.map((result) => ({ node: expectation(result), result }));
  shownLine = el('p', { class: 'shown muted', id: 'shown' });
  emptyLine = el('p', { class: 'empty', id: 'nothing-shown', hidden: true }, 'No expectation matches the filters.');
  app.append(
    ...header(),
    report.verdict.outcome === 'could-not-check' ? null : el('h2', {}, 'By family'),
    report.verdict.outcome === 'could-not-check' ? null : countsTable(),
    el('h2', {}, 'Expectations'),
    filters(),
    shownLine,
    emptyLine,
    el('div', { id: 'expectations' }, items.map((i) => i.node)),
    stale() || '');
  apply();
  document.body.setAttribute('data-ready', 'true');
}());

// The coordinators' dashboard page: plain JavaScript, no build step, nothing from other hosts.
// Every text from the server (unit names, explanations) is inserted with textContent, never
// as HTML. Authentication: Telegram Mini App initData, or the signed link's token (?t=).
'use strict';
(function () {
  var tg = window.Telegram && window.Telegram.WebApp ? window.Telegram.WebApp : null;
  var hash = new URLSearchParams(window.location.hash.slice(1));
  var query = new URLSearchParams(window.location.search);
  var initData = (tg && tg.initData) || hash.get('tgWebAppData') || '';
  var linkToken = query.get('t') || '';
  // A /dashboard link works once: its first answer carries this page's own token, kept for the
  // tab's later calls (and a reload); opening the link again elsewhere is refused.
  var sessionKey = 'egov-dashboard:' + linkToken.slice(-24);
  // Private browsing may refuse the storage: the page then works until it is reloaded.
  var storage = function (f) {
    try {
      return f(window.sessionStorage);
    } catch {
      return null;
    }
  };
  var kept = linkToken
    ? storage(function (st) {
        return st.getItem(sessionKey);
      })
    : null;
  var auth = initData ? 'tma ' + initData : kept ? 'link ' + kept : linkToken ? 'link ' + linkToken : '';

  var state = {
    lang: query.get('lang') || '',
    strings: {},
    me: null,
    tab: 'ranking',
    ranking: null,
    status: null,
    filters: { level: '', district: '', basis: '', sort: 'rank' },
  };

  var $ = function (id) {
    return document.getElementById(id);
  };
  var s = function (key, params) {
    var text = state.strings[key] || key;
    Object.keys(params || {}).forEach(function (k) {
      text = text.split('{{' + k + '}}').join(String(params[k]));
    });
    return text;
  };
  // el('td', { class: 'num' }, 'text', child…): strings become text nodes, never markup.
  var el = function (tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'class') node.className = attrs[k];
      else if (k === 'onclick' || k === 'onchange') node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    for (var i = 2; i < arguments.length; i += 1) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return node;
  };
  var fmt = function (n) {
    return Number(n).toLocaleString(state.lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 });
  };
  var main = function () {
    return $('main');
  };
  var show = function () {
    var m = main();
    m.textContent = '';
    for (var i = 0; i < arguments.length; i += 1) m.appendChild(arguments[i]);
  };

  var api = function (path) {
    var sep = path.indexOf('?') >= 0 ? '&' : '?';
    return fetch('/app/api/' + path + sep + 'lang=' + encodeURIComponent(state.lang), { headers: { authorization: auth } }).then(function (res) {
      var session = res.headers.get('x-dashboard-session');
      if (session) {
        auth = 'link ' + session;
        storage(function (st) {
          st.setItem(sessionKey, session);
        });
      }
      return res.json().then(function (body) {
        if (!res.ok) {
          var e = new Error(body && body.error ? body.error : 'failed');
          e.status = res.status;
          throw e;
        }
        return body;
      });
    });
  };

  var refusal = function (e) {
    var key =
      e.status === 401
        ? e.message === 'expired'
          ? 'expired'
          : e.message === 'used'
            ? 'used'
            : 'refused'
        : e.message === 'not_coordinator'
          ? 'not_coordinator'
          : e.message === 'no_period'
            ? 'no_period'
            : e.status === 403
              ? 'forbidden'
              : 'failed';
    show(el('div', { class: 'card notice', id: 'refusal', 'data-error': e.message }, s(key)));
  };

  var loadStrings = function () {
    return fetch('/app/api/i18n?lang=' + encodeURIComponent(state.lang)).then(function (r) {
      return r.json().then(function (body) {
        state.lang = body.locale;
        state.strings = body.strings;
        document.documentElement.lang = body.locale;
        document.title = s('title');
        $('title').textContent = s('title');
      });
    });
  };

  var levelName = function (level) {
    return (state.me && state.me.levelNames[level]) || level;
  };

  var countdown = function (days) {
    var text = days > 1 ? s('days_left', { days: days }) : days === 1 ? s('days_left_one') : days === 0 ? s('due_today') : s('days_late', { days: -days });
    return el('span', { class: days < 0 ? 'countdown late' : 'countdown' }, text);
  };

  var countsGrid = function (c) {
    var cell = function (n, key) {
      return el('div', null, el('b', null, fmt(n)), el('span', null, s(key)));
    };
    return el(
      'div',
      { class: 'counts' },
      cell(c.submitted, 'submitted'),
      cell(c.inProgress, 'in_progress'),
      cell(c.notStarted, 'not_started'),
      cell(c.late, 'late_count'),
    );
  };

  // ── Status ──────────────────────────────────────────────────────────────────────────────
  var renderStatus = function () {
    var cards = state.status.levels.map(function (l) {
      var share = l.counts.total > 0 ? Math.round((100 * l.counts.submitted) / l.counts.total) : 0;
      var fill = el('i');
      // Through the CSSOM: the page's CSP refuses inline style attributes.
      fill.style.width = share + '%';
      var bar = el('div', { class: 'progress' }, fill);
      var districts = null;
      if (l.districts.length > 0) {
        districts = el(
          'table',
          null,
          el(
            'thead',
            null,
            el('tr', null, el('th', null, s('district')), el('th', { class: 'num' }, s('submitted')), el('th', { class: 'num' }, s('late_count'))),
          ),
          el(
            'tbody',
            null,
            ...l.districts.map(function (d) {
              return el(
                'tr',
                null,
                el('td', null, d.name, el('span', { class: 'code' }, d.code)),
                el('td', { class: 'num' }, fmt(d.counts.submitted) + '/' + fmt(d.counts.total)),
                el('td', { class: 'num' }, fmt(d.counts.late)),
              );
            }),
          ),
        );
      }
      return el(
        'section',
        { class: 'card', 'data-level': l.level },
        el('h2', null, levelName(l.level)),
        el('p', { class: 'muted' }, s('deadline') + ': ' + l.deadlineText + ' · ', countdown(l.workingDaysLeft)),
        el(
          'p',
          { class: 'muted' },
          s('submitted') + ' ' + fmt(l.counts.submitted) + '/' + fmt(l.counts.total) + (l.signed > 0 ? ' · ' + s('signed') + ' ' + fmt(l.signed) : ''),
        ),
        bar,
        countsGrid(l.counts),
        districts,
      );
    });
    show.apply(null, cards);
  };
  var loadStatus = function () {
    show(el('p', { class: 'muted' }, s('loading')));
    api('status').then(function (data) {
      state.status = data;
      renderStatus();
    }, refusal);
  };

  // ── Ranking ─────────────────────────────────────────────────────────────────────────────
  var select = function (label, value, options, onchange) {
    var sel = el('select', { onchange: onchange });
    options.forEach(function (o) {
      var opt = el('option', { value: o[0] }, o[1]);
      if (o[0] === value) opt.selected = true;
      sel.appendChild(opt);
    });
    return el('label', null, label, sel);
  };
  var rankingRows = function () {
    var f = state.filters;
    var level =
      state.ranking.levels.find(function (l) {
        return l.level === f.level;
      }) || state.ranking.levels[0];
    if (!level) return { level: null, rows: [] };
    var rows = level.rows.filter(function (r) {
      return (!f.district || r.district === f.district) && (!f.basis || r.basis === f.basis);
    });
    var rankValue = function (r) {
      return r.rank === null ? 1e9 + 1 : r.rank === 'last' ? 1e9 : r.rank;
    };
    var by = {
      rank: function (a, b) {
        return rankValue(a) - rankValue(b);
      },
      percent: function (a, b) {
        return b.percent - a.percent;
      },
      name: function (a, b) {
        return a.name.localeCompare(b.name, 'vi');
      },
      code: function (a, b) {
        return a.code.localeCompare(b.code);
      },
    }[f.sort];
    return { level: level, rows: rows.slice().sort(by) };
  };
  var renderRanking = function () {
    var f = state.filters;
    var me = state.me;
    var picked = rankingRows();
    if (!f.level && picked.level) f.level = picked.level.level;
    var rerender = function (key) {
      return function (e) {
        f[key] = e.target.value;
        renderRanking();
      };
    };
    var filters = el(
      'div',
      { class: 'filters' },
      select(
        s('level'),
        f.level,
        state.ranking.levels.map(function (l) {
          return [l.level, levelName(l.level)];
        }),
        rerender('level'),
      ),
      select(
        s('district'),
        f.district,
        [['', s('all_districts')]].concat(
          me.districts.map(function (d) {
            return [d.code, d.name];
          }),
        ),
        rerender('district'),
      ),
      select(
        s('basis'),
        f.basis,
        [
          ['', s('basis_any')],
          ['self', s('basis_self')],
          ['verified', s('basis_verified')],
        ],
        rerender('basis'),
      ),
      select(
        s('sort'),
        f.sort,
        [
          ['rank', s('sort_rank')],
          ['percent', s('sort_percent')],
          ['name', s('sort_name')],
          ['code', s('sort_code')],
        ],
        rerender('sort'),
      ),
    );
    var body = el('tbody', { id: 'ranking-rows' });
    picked.rows.forEach(function (r) {
      var rank = r.rank === null ? '—' : r.rank === 'last' ? s('last') : String(r.rank);
      var name = el(
        'td',
        null,
        r.name,
        r.late ? el('span', { class: 'badge' }, s('late')) : null,
        r.basis === 'verified' ? el('span', { class: 'badge soft' }, '✓') : null,
        el('span', { class: 'code' }, r.code),
        r.reason ? el('span', { class: 'reason' }, r.reason) : null,
      );
      body.appendChild(
        el(
          'tr',
          {
            class: 'unit-row',
            'data-code': r.code,
            onclick: function () {
              openUnit(r.code);
            },
          },
          el('td', { class: 'num' }, rank),
          name,
          el('td', { class: 'num' }, fmt(r.percent)),
          el('td', { class: 'num' }, fmt(r.points)),
          el('td', { class: r.submitted ? 'tier' : 'tier muted-cell' }, r.submitted ? r.tier : '—'),
        ),
      );
    });
    var table = el(
      'table',
      { id: 'ranking' },
      el(
        'thead',
        null,
        el(
          'tr',
          null,
          el('th', { class: 'num' }, s('rank')),
          el('th', null, s('unit')),
          el('th', { class: 'num' }, s('percent')),
          el('th', { class: 'num' }, s('points')),
          el('th', null, s('tier')),
        ),
      ),
      body,
    );
    var parts = [el('section', { class: 'card' }, filters, picked.rows.length > 0 ? table : el('p', { class: 'muted' }, s('no_rows')))];
    var chart = (me.downloads || []).find(function (d) {
      return d.kind === 'chart_png' && d.level === f.level;
    });
    if (chart)
      parts.push(
        el(
          'section',
          { class: 'card' },
          el('h2', null, s('chart')),
          el('img', { class: 'chart', src: chart.url, alt: s('download_chart_png', { level: levelName(f.level) }) }),
        ),
      );
    parts.push(downloadsCard(me.downloads || []));
    show.apply(null, parts);
  };
  var downloadsCard = function (list) {
    var links = list.map(function (d) {
      return el('a', { href: d.url, download: '' }, s('download_' + d.kind, { level: levelName(d.level || '') }));
    });
    return el(
      'section',
      { class: 'card downloads' },
      el('h2', null, s('downloads')),
      ...(links.length > 0 ? links : [el('p', { class: 'muted' }, s('no_downloads'))]),
    );
  };
  var loadRanking = function () {
    show(el('p', { class: 'muted' }, s('loading')));
    api('ranking').then(function (data) {
      state.ranking = data;
      renderRanking();
    }, refusal);
  };

  // ── Unit ────────────────────────────────────────────────────────────────────────────────
  var unitForm = function (code) {
    var input = el('input', { id: 'unit-code', value: code || '', placeholder: s('unit_code'), autocapitalize: 'characters' });
    var go = function () {
      if (input.value.trim()) openUnit(input.value.trim());
    };
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') go();
    });
    return el(
      'section',
      { class: 'card' },
      el('div', { class: 'row' }, input, el('button', { class: 'primary', type: 'button', onclick: go }, s('open_unit'))),
    );
  };
  var totals = function (label, t) {
    return el('p', null, el('b', null, label + ': '), fmt(t.points) + '/' + fmt(t.applicableMax) + ' · ' + fmt(t.percent) + '% · ' + t.tier);
  };
  // Images through their signed links inline, other files as signed download links, names otherwise.
  var evidenceBlock = function (list) {
    if (list.length === 0) return el('p', { class: 'muted' }, s('evidence') + ': ' + s('no_evidence'));
    var images = list.filter(function (e) {
      return e.image && e.url;
    });
    var others = list.filter(function (e) {
      return !(e.image && e.url);
    });
    return el(
      'div',
      { class: 'evidence' },
      el('p', { class: 'muted' }, s('evidence') + ':'),
      images.length > 0
        ? el(
            'div',
            { class: 'thumbs' },
            ...images.map(function (e) {
              return el('a', { href: e.url, target: '_blank', rel: 'noopener' }, el('img', { src: e.url, alt: e.name, loading: 'lazy' }));
            }),
          )
        : null,
      ...others.map(function (e) {
        return e.url ? el('a', { class: 'file', href: e.url, download: '' }, e.name) : el('span', { class: 'file muted-cell' }, e.name);
      }),
    );
  };
  var renderUnit = function (u) {
    var head = el(
      'section',
      { class: 'card', id: 'unit' },
      el('h2', null, u.name),
      el('p', { class: 'muted' }, u.code + (u.statusText ? ' · ' + u.statusText : '')),
      u.self ? totals(s('self_total'), u.self) : el('p', null, s('not_assessed')),
      u.verified ? totals(s('verified_total'), u.verified) : null,
      u.submittedAt ? el('p', null, s('submitted_on') + ': ' + u.submittedAt, u.late ? el('span', { class: 'badge' }, s('late')) : null) : null,
      u.signed ? el('p', null, s('signed_by') + ': ' + u.signed.signer + ' · ' + u.signed.time) : null,
      u.returnNote ? el('p', null, s('returned_note') + ': ' + u.returnNote) : null,
    );
    var criteria = el(
      'section',
      { class: 'card' },
      ...u.criteria.map(function (c) {
        return el(
          'div',
          { class: 'criterion', 'data-code': c.code },
          el('div', { class: 'head' }, el('span', null, c.code), el('span', null, fmt(c.points) + '/' + fmt(c.max))),
          el('p', { class: 'muted' }, c.title),
          el('p', null, c.value),
          c.explanation ? el('p', null, el('b', null, s('explanation') + ': '), c.explanation) : null,
          evidenceBlock(c.evidence),
          c.verifiedPoints !== null
            ? el('p', null, s('verified_points') + ': ' + fmt(c.verifiedPoints) + (c.verifiedNote ? ' — ' + c.verifiedNote : ''))
            : null,
        );
      }),
      u.unanswered.length > 0 ? el('p', { class: 'muted' }, s('unanswered') + ': ' + u.unanswered.join(', ')) : null,
      u.blockers.length > 0 ? el('p', { class: 'muted' }, s('blockers') + ': ' + u.blockers.join(', ')) : null,
    );
    show(
      unitForm(u.code),
      head,
      u.criteria.length > 0 || u.unanswered.length > 0 ? criteria : el('span'),
      u.downloads.length > 0 ? downloadsCard(u.downloads) : el('span'),
    );
  };
  var openUnit = function (code) {
    selectTab('unit', true);
    show(unitForm(code), el('p', { class: 'muted' }, s('loading')));
    api('unit/' + encodeURIComponent(code)).then(renderUnit, refusal);
  };

  // ── Tabs and start ──────────────────────────────────────────────────────────────────────
  var selectTab = function (tab, quiet) {
    state.tab = tab;
    ['status', 'ranking', 'unit'].forEach(function (t) {
      $('tab-' + t).setAttribute('aria-selected', String(t === tab));
    });
    if (quiet) return;
    if (tab === 'status') loadStatus();
    else if (tab === 'ranking') loadRanking();
    else show(unitForm(''), el('p', { class: 'muted' }, s('unit_hint')));
  };

  var start = function () {
    if (tg && tg.ready) tg.ready();
    if (!state.lang) state.lang = (tg && tg.initDataUnsafe && tg.initDataUnsafe.user && tg.initDataUnsafe.user.language_code) || '';
    loadStrings()
      .then(function () {
        if (!auth) throw Object.assign(new Error('missing'), { status: 401 });
        return api('me');
      })
      .then(function (me) {
        state.me = me;
        if (!query.get('lang')) state.lang = me.locale;
        return loadStrings().then(function () {
          $('period').textContent = me.period.name + ' · ' + me.displayName;
          $('tabs').hidden = false;
          $('tab-status').textContent = s('tab_status');
          $('tab-ranking').textContent = s('tab_ranking');
          $('tab-unit').textContent = s('tab_unit');
          var lang = $('lang');
          lang.textContent = s('language');
          lang.hidden = false;
          selectTab(state.tab);
        });
      })
      .catch(refusal);
  };
  document.querySelectorAll('#tabs button').forEach(function (b) {
    b.addEventListener('click', function () {
      selectTab(b.getAttribute('data-tab'));
    });
  });
  $('lang').addEventListener('click', function () {
    state.lang = state.lang === 'vi' ? 'en' : 'vi';
    loadStrings().then(function () {
      $('lang').textContent = s('language');
      api('me').then(function (me) {
        state.me = me;
        $('tab-status').textContent = s('tab_status');
        $('tab-ranking').textContent = s('tab_ranking');
        $('tab-unit').textContent = s('tab_unit');
        selectTab(state.tab);
      }, refusal);
    });
  });
  start();
})();

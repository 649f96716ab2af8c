/**
 * The report's own browser code, inlined after the libraries (plain ES2017, no build step).
 *
 * Charts: each spec is fitted to its container's width before vega-embed draws it (every plot
 * takes the width the row labels leave, narrowed until the drawn SVG fits; a column facet turns
 * into rows on narrow screens), laid over the vega theme of the colour scheme the page shows, and drawn again when
 * the container's width or the colour scheme changes. The action menu offers SVG and PNG
 * export and the spec's source; nothing in it needs the network. Each container gets
 * data-rendered="true" (or "error"), and the body data-charts-ready="true" once all are drawn.
 *
 * Tables: simple-datatables makes every `table.data-table` sortable, searchable and paginated;
 * the entity / metric / status selects above a table filter its column by exact value (one
 * value of a cell listing several). A link to a row on another page (or filtered out) first
 * shows that row, so #fact-<id> and #source-<id> links keep landing on their row.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var payload = JSON.parse(document.getElementById('chart-specs').textContent);
  var scheme = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  function mode() { return scheme && scheme.matches ? 'dark' : 'light'; }

  function isObject(x) { return x !== null && typeof x === 'object' && !Array.isArray(x); }
  function merge(base, over) {
    var out = {};
    Object.keys(base || {}).forEach(function (k) { out[k] = base[k]; });
    Object.keys(over || {}).forEach(function (k) { out[k] = isObject(out[k]) && isObject(over[k]) ? merge(out[k], over[k]) : over[k]; });
    return out;
  }
  function clone(x) { return JSON.parse(JSON.stringify(x)); }

  /** every numeric width of a view: top level, concatenated panels, the facet's inner spec */
  function views(spec) {
    var out = [];
    (function walk(s) {
      if (!isObject(s)) return;
      if (typeof s.width === 'number') out.push(s);
      ['vconcat', 'hconcat', 'concat'].forEach(function (k) { if (Array.isArray(s[k])) s[k].forEach(walk); });
      if (isObject(s.spec)) walk(s.spec);
    })(spec);
    return out;
  }

  /** the spec fitted to a width and themed for a colour mode */
  function fitted(chart, width, m, shrink) {
    var spec = clone(chart.spec);
    var labelLimit = Math.max(90, Math.min(260, Math.round(width * 0.32)));
    // titles and subtitles are cut to the width (the caption below the chart has them whole)
    // aria false: the chart is one image whose text alternative is its description (title and caption);
    // its marks and guides are left out of the accessibility tree rather than read one by one unlabelled
    var narrow = { axis: { labelLimit: labelLimit }, title: { limit: width - 24 }, aria: false };
    // on a narrow screen the legends go below the plot, which keeps the width
    if (width < 640) narrow.legend = { orient: 'bottom', direction: 'horizontal', columns: 2 };
    spec.config = merge(merge(spec.config, payload.themes[m]), narrow);
    // every plot is as wide as the container leaves it beside the row labels (drawn again on resize);
    // draw() narrows it further until the whole chart, labels and legends included, fits
    if (spec.facet && spec.facet.column && width < 700) spec.facet = { row: spec.facet.column };
    var columns = spec.facet && spec.facet.column ? 2 : 1;
    views(spec).forEach(function (v) {
      var room = Math.floor((width - labelLimit - 60) / columns) - (shrink || 0);
      v.width = Math.max(60, room);
    });
    return spec;
  }

  var embedded = {};
  function draw(chart) {
    var el = document.getElementById('chart-' + chart.name);
    var box = el.parentElement;
    var width = Math.floor(box.clientWidth - 40);
    var m = mode();
    var prev = embedded[chart.name];
    if (prev && prev.width === width && prev.mode === m) return prev.job;
    if (prev && prev.view) prev.view.finalize();
    var state = { width: width, mode: m, view: null };
    var opts = {
      renderer: 'svg',
      actions: { export: { svg: true, png: true }, source: true, compiled: false, editor: false },
      downloadFileName: chart.name,
      tooltip: { theme: m === 'dark' ? 'dark' : 'light' },
      i18n: { SOURCE_ACTION: 'View source (vega-lite)' },
      // the charts are checked without warnings when written (src/charts/render.ts); the browser only reports errors
      logLevel: vega.Error,
    };
    function embed(shrink) {
      return vegaEmbed(el, fitted(chart, width, m, shrink), opts).then(function (res) {
        state.view = res.view;
        var svg = el.querySelector('svg.marks');
        // the drawn width (CSS may scale the SVG down; its width attribute is what vega laid out)
        var drawn = svg ? Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width : 0;
        if (drawn > width + 1 && (shrink || 0) < 2000) {
          res.view.finalize();
          return embed((shrink || 0) + Math.ceil(drawn - width));
        }
        return res;
      });
    }
    state.job = embed(0).then(function () {
      var summary = el.querySelector('details > summary');
      if (summary) summary.setAttribute('aria-label', 'Chart menu: save as SVG or PNG, view source');
      var svg = el.querySelector('svg.marks');
      if (svg && chart.spec.description) {
        // one image with one text alternative: its parts carry no roles of their own
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', chart.spec.description);
        Array.prototype.forEach.call(svg.querySelectorAll('[role], [aria-roledescription]'), function (n) {
          n.removeAttribute('role');
          n.removeAttribute('aria-roledescription');
        });
      }
      el.setAttribute('data-rendered', 'true');
    }, function (err) {
      el.setAttribute('data-rendered', 'error');
      console.error('chart ' + chart.name + ': ' + err);
    });
    embedded[chart.name] = state;
    return state.job;
  }
  function drawAll() { return Promise.all(payload.charts.map(draw)); }
  drawAll().then(function () { document.body.setAttribute('data-charts-ready', 'true'); });
  var timer = null;
  window.addEventListener('resize', function () {
    clearTimeout(timer);
    timer = setTimeout(drawAll, 200);
  });
  if (scheme && scheme.addEventListener) scheme.addEventListener('change', drawAll);

  // ---- tables ----
  var tables = [];
  function cellText(cell) {
    var t = cell && cell.text !== undefined ? cell.text : cell && typeof cell.data !== 'object' ? String(cell.data) : '';
    return String(t).trim().toLowerCase();
  }
  function searchMethod(terms, cell, row, column, source) {
    var text = cellText(cell);
    if (source.indexOf('filter-') === 0) {
      var parts = text.split(/\s*\n\s*/);
      return terms.some(function (t) { return parts.indexOf(t) >= 0; });
    }
    return terms.some(function (t) { return text.indexOf(t) >= 0; });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.data-table'), function (table) {
    var dt = new simpleDatatables.DataTable(table, {
      perPage: Number(table.getAttribute('data-per-page')) || 25,
      perPageSelect: [10, 25, 50, 100],
      fixedColumns: false,
      ignorePunctuation: false,
      searchMethod: searchMethod,
      labels: {
        placeholder: 'Search ' + table.getAttribute('data-name'),
        searchTitle: 'Search ' + table.getAttribute('data-name'),
        perPage: 'rows per page',
        noRows: 'No rows',
        noResults: 'No rows match the search and filters',
        info: 'Rows {start} to {end} of {rows}',
      },
    });
    var wrap = table.closest('.datatable-wrapper');
    var container = wrap && wrap.querySelector('.datatable-container');
    if (container) {
      // a keyboard user can scroll a wide table sideways
      container.setAttribute('tabindex', '0');
      container.setAttribute('role', 'region');
      container.setAttribute('aria-label', table.getAttribute('data-name') + ' table');
    }
    var selector = wrap && wrap.querySelector('select.datatable-selector');
    if (selector && !selector.getAttribute('aria-label')) selector.setAttribute('aria-label', 'Rows per page');
    var filters = document.querySelectorAll('select[data-filter-for="' + table.id + '"]');
    Array.prototype.forEach.call(filters, function (select) {
      select.addEventListener('change', function () {
        var col = Number(select.getAttribute('data-column'));
        dt.multiSearch(select.value ? [{ terms: [select.value.toLowerCase()], columns: [col] }] : [], 'filter-' + col);
      });
    });
    tables.push({ dt: dt, table: table, filters: filters, wrap: wrap });
  });

  document.documentElement.classList.add('tables-ready');

  /** Puts the row with this id on the page: clears the filters that hide it and opens its page. */
  function reveal(id) {
    if (!id || document.getElementById(id)) return;
    tables.some(function (t) {
      var index = -1;
      t.dt.data.data.some(function (row, i) {
        if (row.attributes && row.attributes.id === id) { index = i; return true; }
        return false;
      });
      if (index < 0) return false;
      var page = t.dt.pages.findIndex(function (p) { return p.some(function (r) { return r.index === index; }); });
      if (page < 0) {
        Array.prototype.forEach.call(t.filters, function (s) { s.value = ''; });
        var input = t.wrap && t.wrap.querySelector('input.datatable-input');
        if (input) input.value = '';
        t.dt.search('');
        page = t.dt.pages.findIndex(function (p) { return p.some(function (r) { return r.index === index; }); });
      }
      if (page >= 0) t.dt.page(page + 1);
      return true;
    });
  }
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (a) reveal(decodeURIComponent(a.getAttribute('href').slice(1)));
  }, true);
  window.addEventListener('hashchange', function () { reveal(decodeURIComponent(location.hash.slice(1))); });
  if (location.hash.length > 1) {
    var target = decodeURIComponent(location.hash.slice(1));
    if (!document.getElementById(target)) {
      reveal(target);
      var el = document.getElementById(target);
      if (el) {
        history.replaceState(null, '', location.pathname + location.search);
        location.hash = target;
      }
    }
  }
})();`;

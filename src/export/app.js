// relais phone page: search, entry pages and contact cards, all from the JSON embedded above.
// The search is the terminal's own (search.js on the index it serialised, see
// src/export/app.rs); this file draws the views.
(function () {
  'use strict';
  var P = JSON.parse(document.getElementById('kb').textContent);
  var KB = P.kb, L = P.labels;
  // search_lang.js: the translations' index searched too, and fused as in the terminal.
  var engine = relaisLangSearch(P.index, relaisSearchEngine(P.index, relaisStem), relaisStemEnglish);
  var I18N = relaisI18n(P, el, link); // lang.js: the language picker and the translated cards

  var entries = Object.create(null), contacts = Object.create(null), categories = Object.create(null);
  KB.entries.forEach(function (e) { entries[e.id] = e; });
  KB.contacts.forEach(function (c) { contacts[c.id] = c; });
  KB.categories.forEach(function (c) { categories[c.id] = c; });

  // ---- views -------------------------------------------------------------------------
  var view = document.getElementById('view'), input = document.getElementById('q');

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function link(href, cls, children) {
    var a = el('a', cls);
    a.href = href;
    children.forEach(function (c) { a.appendChild(c); });
    return a;
  }

  // Back where the reader came from (results, an entry), or home when the page was opened here.
  function backLink() {
    var a = link('#', 'back', [document.createTextNode('← ' + L.back)]);
    a.addEventListener('click', function (ev) {
      if (history.length > 1) { ev.preventDefault(); history.back(); }
    });
    return a;
  }

  function isStale(e) {
    var limit = new Date();
    limit.setMonth(limit.getMonth() - P.stale_after_months);
    var iso = limit.getFullYear() + '-' + String(limit.getMonth() + 1).padStart(2, '0') + '-' +
      String(limit.getDate()).padStart(2, '0');
    return e.reviewed < iso;
  }

  // A link to an entry or a contact; with `full`, its kind and summary under the title.
  function resultItem(id, kind, full) {
    var e = kind === 'f' ? entries[id] : null, c = kind === 'c' ? contacts[id] : null;
    var li = el('li');
    var parts = [el('strong', '', e ? e.title : c.name)];
    if (full) {
      parts.unshift(el('span', 'kind', e ? L.faq : L.contact));
      parts.push(el('span', 'sum', e ? e.summary : c.description));
    }
    li.appendChild(link((e ? '#e/' : '#c/') + id, '', parts));
    return li;
  }

  function showResults(q) {
    var found = engine.search(q), hits = found.hits;
    document.title = q + ' — relais';
    I18N.results(view, q);
    if (!hits.length) return showNothing(q, L.nothing_found);
    if (!found.sure) view.appendChild(el('p', 'not-sure', L.not_sure));
    view.appendChild(el('h2', '', L.results));
    var ol = el('ol', 'results');
    hits.slice(0, 30).forEach(function (h) { ol.appendChild(resultItem(h.id, h.kind, true)); });
    view.appendChild(ol);
    if (!found.sure) showNothing(q, L.not_sure);
  }

  function showNothing(q, heading) {
    view.appendChild(el('h2', 'nothing', heading));
    var words = engine.suggest(q);
    if (words.length) {
      var p = el('p', 'suggest', L.did_you_mean + ' : ');
      words.forEach(function (w, i) {
        if (i) p.appendChild(document.createTextNode(', '));
        p.appendChild(link('#q=' + encodeURIComponent(w), '', [document.createTextNode(w)]));
      });
      p.appendChild(document.createTextNode(' ?'));
      view.appendChild(p);
    }
    view.appendChild(el('h3', '', L.who_to_contact));
    var ul = el('ul', 'list');
    KB.meta.fallback_contacts.forEach(function (id) { if (contacts[id]) ul.appendChild(resultItem(id, 'c', true)); });
    view.appendChild(ul);
  }

  function showHome() {
    document.title = KB.meta.title || 'relais';
    I18N.home(view);
    KB.categories.forEach(function (cat) {
      var list = KB.entries.filter(function (e) { return e.category === cat.id; });
      if (!list.length) return;
      view.appendChild(el('h3', '', cat.title));
      var ul = el('ul', 'list');
      list.forEach(function (e) { ul.appendChild(resultItem(e.id, 'f')); });
      view.appendChild(ul);
    });
    view.appendChild(el('h3', '', L.contacts));
    var ul = el('ul', 'list');
    var li = el('li');
    li.appendChild(link('#contacts', '', [el('strong', '', L.all_contacts)]));
    ul.appendChild(li);
    view.appendChild(ul);
  }

  function showEntry(id) {
    var e = entries[id];
    if (!e) return showHome();
    document.title = e.title;
    view.appendChild(backLink());
    I18N.entry(view, id);
    var article = el('article', 'entry');
    article.appendChild(el('h2', '', e.title));
    if (categories[e.category]) article.appendChild(el('p', 'cat', categories[e.category].title));
    var body = el('div');
    body.innerHTML = P.entries[id]; // escaped when the page was made (src/export/html.rs)
    article.appendChild(body);
    if (isStale(e)) article.appendChild(el('p', 'stale', L.stale));
    view.appendChild(article);
  }

  function showContact(id) {
    var c = contacts[id];
    if (!c) return showHome();
    document.title = c.name;
    view.appendChild(backLink());
    I18N.contact(view, id);
    var card = el('div');
    card.innerHTML = P.contacts[id]; // escaped when the page was made (src/export/html.rs)
    view.appendChild(card);
  }

  function showContacts() {
    document.title = L.all_contacts;
    view.appendChild(el('h2', '', L.all_contacts));
    var ul = el('ul', 'list');
    KB.contacts.forEach(function (c) { ul.appendChild(resultItem(c.id, 'c')); });
    view.appendChild(ul);
  }

  function route() {
    var hash = location.hash.slice(1);
    try { hash = decodeURIComponent(hash); } catch (e) { /* a hand-edited address: keep it raw */ }
    view.textContent = '';
    if (hash.indexOf('q=') === 0) {
      var q = hash.slice(2);
      if (input.value !== q) input.value = q;
      if (q.trim()) showResults(q); else showHome();
    } else if (hash.indexOf('e/') === 0) {
      showEntry(hash.slice(2));
    } else if (hash.indexOf('c/') === 0) {
      showContact(hash.slice(2));
    } else if (hash === 'contacts') {
      showContacts();
    } else {
      if (input.value) input.value = '';
      showHome();
    }
    window.scrollTo(0, 0);
  }

  input.addEventListener('input', function () {
    var q = input.value;
    location.replace(q.trim() ? '#q=' + encodeURIComponent(q) : '#');
  });
  input.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter') return;
    var first = view.querySelector('ol.results a');
    if (first) { ev.preventDefault(); location.hash = first.getAttribute('href'); }
  });
  window.addEventListener('hashchange', route);
  I18N.onChange(route);
  window.relaisLangSearch = I18N.search;
  // For the browser test and for curious users: the same ranking as `relais search`.
  window.relaisSearch = function (q) { return engine.search(q).hits.map(function (h) { return h.id; }); };
  window.relaisSure = function (q) { return engine.search(q).sure; };
  window.relaisCheckStems = engine.checkStems;
  window.relaisCheckLangStems = engine.checkLangStems;
  route();
}());

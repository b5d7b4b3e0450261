// relais phone page: search, entry pages and contact cards, all from the JSON embedded above.
// The search follows the terminal's (src/search.rs) in spirit: words folded the same way
// (accents, case, ligatures, apostrophes), French stop words dropped, and each query word
// reaching the data's words exactly, by a light stem, as a prefix, with an elided article glued
// on (lhebergeur), within a typo or two, or through the data's synonyms; a document scores by
// the field it matched in (title > keywords > summary > answer), times the share of the query
// it matched, squared.
(function () {
  'use strict';
  var P = JSON.parse(document.getElementById('kb').textContent);
  var KB = P.kb, L = P.labels;
  var STOP = new Set(P.index.stop_words);
  var FIELD_WEIGHT = [10, 7, 3, 1];
  var W = { exact: 1, stem: 0.9, glued: 0.9, prefix: 0.75, typo1: 0.6, typo2: 0.5, synonym: 0.42 };
  var MAX_TERMS = 12;

  var entries = Object.create(null), contacts = Object.create(null), categories = Object.create(null);
  KB.entries.forEach(function (e) { entries[e.id] = e; });
  KB.contacts.forEach(function (c) { contacts[c.id] = c; });
  KB.categories.forEach(function (c) { categories[c.id] = c; });

  // ---- index -------------------------------------------------------------------------
  var docs = P.index.docs, words = new Map();
  docs.forEach(function (d, doc) {
    d.f.forEach(function (text, field) {
      if (!text) return;
      text.split(' ').forEach(function (w, pos) {
        if (!words.has(w)) words.set(w, []);
        words.get(w).push({ doc: doc, field: field, pos: pos });
      });
    });
  });
  var vocab = Array.from(words.keys()).sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
  var postings = vocab.map(function (w) { return words.get(w); });
  var byStem = new Map();
  vocab.forEach(function (w, i) {
    var s = stem(w);
    if (!byStem.has(s)) byStem.set(s, []);
    byStem.get(s).push(i);
  });

  function fold(s) {
    return s.normalize('NFKD').toLowerCase()
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss').replace(/ø/g, 'o')
      .replace(/ł/g, 'l').replace(/đ/g, 'd').replace(/ı/g, 'i')
      .replace(/[^a-z0-9]+/g, ' ');
  }

  // The plural s/x, then a final e, dropped from words of four letters or more.
  function stem(w) {
    if (w.length < 4 || /[0-9]/.test(w)) return w;
    var s = /[sx]$/.test(w) ? w.slice(0, -1) : w;
    if (s.length > 3 && s[s.length - 1] === 'e') s = s.slice(0, -1);
    return s.length >= 3 ? s : w;
  }

  // `lhebergeur` -> `hebergeur`, `dasile` -> `asile`: an elided article typed without its
  // apostrophe.
  function unglue(w) {
    var m = /^(qu|[ldjnscmt])([aeiouyh][a-z0-9]{2,})$/.exec(w);
    return m ? m[2] : null;
  }

  function queryTerms(q) {
    var folded = fold(q), all = folded.trim().split(' ').filter(Boolean).slice(0, 4 * MAX_TERMS);
    var typing = folded.length > 0 && folded[folded.length - 1] !== ' ';
    var keepAll = all.every(function (w) { return STOP.has(w); });
    var terms = [];
    all.forEach(function (w, i) {
      if (keepAll || !STOP.has(w)) terms.push({ text: w, typing: typing && i + 1 === all.length });
    });
    return terms.slice(0, MAX_TERMS);
  }

  // Optimal string alignment distance (adjacent transpositions count as one edit).
  function distance(a, b) {
    var w = b.length + 1, d = new Array((a.length + 1) * w), i, j;
    for (i = 0; i <= a.length; i++) d[i * w] = i;
    for (j = 0; j <= b.length; j++) d[j] = j;
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var best = Math.min(d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          best = Math.min(best, d[(i - 2) * w + j - 2] + 1);
        }
        d[i * w + j] = best;
      }
    }
    return d[a.length * w + b.length];
  }

  function lowerBound(term) {
    var lo = 0, hi = vocab.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (vocab[mid] < term) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function exactIndex(term) {
    var i = lowerBound(term);
    return i < vocab.length && vocab[i] === term ? i : -1;
  }

  // Exact, stem and prefix matches of `t`, each weight scaled by `scale`.
  function direct(t, typing, scale, add) {
    var i = exactIndex(t);
    if (i >= 0) add(i, W.exact * scale);
    if (t.length >= 4) (byStem.get(stem(t)) || []).forEach(function (j) { add(j, W.stem * scale); });
    if (typing || t.length >= 3) {
      for (var k = lowerBound(t); k < vocab.length && vocab[k].startsWith(t); k++) add(k, W.prefix * scale);
    }
  }

  function synonymsOf(term, texts) {
    var out = [];
    P.index.synonyms.forEach(function (group) {
      var hit = group.some(function (m) {
        return m.indexOf(term) >= 0 && m.every(function (w) { return texts.indexOf(w) >= 0; });
      });
      if (!hit) return;
      group.forEach(function (m) {
        m.forEach(function (w) { if (w !== term && !STOP.has(w)) out.push(w); });
      });
    });
    return out;
  }

  // Vocabulary index -> best weight for query word i.
  function expand(terms, i) {
    var found = new Map(), t = terms[i].text, texts = terms.map(function (x) { return x.text; });
    function add(j, w) { if (!(found.get(j) >= w)) found.set(j, w); }
    direct(t, terms[i].typing, 1, add);
    var rest = exactIndex(t) < 0 ? unglue(t) : null;
    if (rest) direct(rest, terms[i].typing, 0.95, add);
    [i - 1, i + 1].forEach(function (k) {
      if (k < 0 || k >= terms.length) return;
      var glued = k < i ? terms[k].text + t : t + terms[k].text, j = exactIndex(glued);
      if (j >= 0) add(j, W.glued);
    });
    if (!found.size && t.length >= 5) {
      var max = t.length <= 8 ? 1 : 2;
      vocab.forEach(function (w, j) {
        if (Math.abs(w.length - t.length) > max) return;
        var d = distance(t, w);
        if (d <= max) add(j, d === 1 ? W.typo1 : W.typo2);
      });
    }
    synonymsOf(t, texts).forEach(function (w) {
      var j = exactIndex(w);
      if (j >= 0) add(j, W.synonym);
    });
    return found;
  }

  function search(q) {
    var terms = queryTerms(q);
    if (!terms.length) return [];
    var scores = new Map();
    terms.forEach(function (term, i) {
      expand(terms, i).forEach(function (weight, v) {
        postings[v].forEach(function (p) {
          var s = scores.get(p.doc);
          if (!s) {
            s = { best: terms.map(function () { return 0; }), title: terms.map(function () { return []; }) };
            scores.set(p.doc, s);
          }
          s.best[i] = Math.max(s.best[i], FIELD_WEIGHT[p.field] * weight);
          if (p.field === 0) s.title[i].push(p.pos);
        });
      });
    });
    var hits = [];
    scores.forEach(function (s, doc) {
      var matched = 0, base = 0;
      s.best.forEach(function (b) { if (b > 0) { matched++; base += b; } });
      var coverage = matched / terms.length, score = base * coverage * coverage;
      for (var k = 0; k + 1 < s.title.length; k++) {
        var next = s.title[k + 1];
        if (s.title[k].some(function (p) { return next.indexOf(p + 1) >= 0; })) score += 5;
      }
      hits.push({ id: docs[doc].id, kind: docs[doc].k, score: Math.round(score * 100) / 100 });
    });
    hits.sort(function (a, b) { return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); });
    return hits;
  }

  // For each query word that reaches nothing, the closest word of the data (fewest edits,
  // then the most common), in its original spelling.
  function suggest(q) {
    var out = [], terms = queryTerms(q);
    terms.forEach(function (term, i) {
      var t = term.text;
      if (t.length <= 2 || expand(terms, i).size) return;
      var max = t.length <= 4 ? 1 : t.length <= 8 ? 2 : 3, best = null;
      vocab.forEach(function (w, j) {
        if (w.length < 3 || Math.abs(w.length - t.length) > max) return;
        var d = distance(t, w);
        if (d > max) return;
        if (!best || d < best[0] || (d === best[0] && postings[j].length > best[1])) best = [d, postings[j].length, j];
      });
      if (best) {
        var shown = P.index.display[vocab[best[2]]] || vocab[best[2]];
        if (out.indexOf(shown) < 0) out.push(shown);
      }
    });
    return out;
  }

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
    var hits = search(q);
    document.title = q + ' — relais';
    if (!hits.length) return showNothing(q);
    view.appendChild(el('h2', '', L.results));
    var ol = el('ol', 'results');
    hits.slice(0, 30).forEach(function (h) { ol.appendChild(resultItem(h.id, h.kind, true)); });
    view.appendChild(ol);
  }

  function showNothing(q) {
    view.appendChild(el('h2', 'nothing', L.nothing_found));
    var words = suggest(q);
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
  // For the browser test and for curious users: the same ranking as `relais search`.
  window.relaisSearch = function (q) { return search(q).map(function (h) { return h.id; }); };
  route();
}());

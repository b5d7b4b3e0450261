// relais phone page: the terminal's search of the translations (src/search/lang.rs and
// lang/{fold,query,typo,fuse}.rs), step for step, on the index it serialised into the page
// (src/search/lang/page.rs): fold → words (stop words out) → stems (Snowball English in
// stem_en.js, light Arabic stemming) → BM25 points per translation (exact term, start of a term
// for the word being typed, else a typo) → neighbouring words → one hit per item → fusion with
// the French ranking when the query reads as another language → confidence. Every weight comes
// from the page. tests/browser checks the page's first result and confidence against the
// terminal's.
var relaisLangSearch = function (I, french, stemEnglish) {
  'use strict';
  var X = I.lang, W = X.weights, FW = I.weights, FIELDS = 4;
  var terms = X.terms, termAt = new Map(), STOP = new Set(X.stop_words), PLACES = new Set(X.places), MAXLEN = FW.typo_max_len;
  terms.forEach(function (t, i) { termAt.set(t, i); });
  // Postings (doc, field, frequency) by term; each translation's field lengths and phrases.
  var post = terms.map(function () { return []; }), docs = X.docs.map(function (d, di) {
    var len = [0, 0, 0, 0];
    d.f.forEach(function (texts, f) {
      texts.forEach(function (text) {
        var sum = 0; // the summary's and the card's terms are written as differences
        text.forEach(function (t) {
          if (f >= 2) t = sum += t;
          var list = post[t], last = list[list.length - 1];
          if (last && last[0] === di && last[1] === f) last[2] += 1; else list.push([di, f, 1]);
          len[f] += 1;
        });
      });
    });
    return { id: d.id, k: d.k, lang: d.lang, len: len, phrases: d.f[0].concat(d.f[1]) };
  });
  var df = post.map(function (list) { return new Set(list.map(function (p) { return p[0]; })).size; });
  var spellings = X.spellings.map(function (s) { return { word: s[0], term: s[1], mask: letterMask(s[0]) }; });

  // ---- words (lang/fold.rs) ----------------------------------------------------------
  var ALNUM = /^[\p{Alphabetic}\p{N}]$/u, ALPHA = /^\p{Alphabetic}$/u;
  function isArabic(c) {
    var x = c.codePointAt(0);
    return (x >= 0x600 && x <= 0x6ff) || (x >= 0x750 && x <= 0x77f) || (x >= 0xfb50 && x <= 0xfdff) || (x >= 0xfe70 && x <= 0xfeff);
  }
  // One Arabic-script character as compared: '' to drop it (short vowels, tatweel...), ' ' to
  // end the word, else its plain form.
  function arabicChar(c) {
    var x = c.codePointAt(0);
    if ((x >= 0x64b && x <= 0x65f) || x === 0x670 || x === 0x640 || (x >= 0x6d6 && x <= 0x6ed)) return '';
    if ('\u0623\u0625\u0622\u0671'.indexOf(c) >= 0) return '\u0627';
    if ('\u0649\u06cc\u06d0\u06cd\u0626'.indexOf(c) >= 0) return '\u064a';
    if ('\u06a9\u06aa'.indexOf(c) >= 0) return '\u0643';
    if ('\u0629\u06c0\u06c1\u06d5'.indexOf(c) >= 0) return '\u0647';
    if (c === '\u0624') return '\u0648';
    if (x >= 0x660 && x <= 0x669) return String(x - 0x660);
    if (x >= 0x6f0 && x <= 0x6f9) return String(x - 0x6f0);
    return ALPHA.test(c) ? c : ' ';
  }
  function words(text) {
    var out = [], word = '';
    function push() { if (word) { out.push(word); word = ''; } }
    for (var c of text) {
      var x = c.codePointAt(0);
      if (isArabic(c)) {
        var a = arabicChar(c);
        if (a === ' ') push(); else word += a;
      } else if (x > 0x7f && ALNUM.test(c) && !(x >= 0xc0 && x <= 0x24f)) {
        word += c.toLowerCase(); // Ethiopic and other scripts: as typed
      } else if (x <= 0x7f) {
        if (/[A-Za-z0-9]/.test(c)) word += c.toLowerCase(); else push();
      } else {
        var any = false;
        for (var f of french.fold(c)) {
          if (/[a-z0-9]/.test(f)) { word += f; any = true; } else push();
        }
        if (!any && !ALNUM.test(c)) push();
      }
    }
    push();
    return out;
  }
  function arabicStem(word) {
    var w = word, len = function (s) { return Array.from(s).length; }, k, s;
    for (k = 0; k < X.ar_prefixes.length; k++) {
      var p = X.ar_prefixes[k];
      if (w.indexOf(p) === 0 && len(w.slice(p.length)) >= 2) { w = w.slice(p.length); break; }
    }
    if (len(w) >= 4 && w[0] === '\u0648') w = w.slice(1);
    for (var round = 0; round < 2; round++) {
      for (k = 0; k < X.ar_suffixes.length; k++) {
        s = X.ar_suffixes[k];
        if (w.length > s.length && w.slice(-s.length) === s && len(w.slice(0, -s.length)) >= 3) break;
      }
      if (k === X.ar_suffixes.length) break;
      w = w.slice(0, -s.length);
    }
    return w;
  }
  // The form a folded word is indexed and looked up under.
  function stem(w) {
    if (w && isArabic(Array.from(w)[0])) return arabicStem(w);
    if (/^[\x00-\x7f]*$/.test(w)) return w.length < 4 || /[0-9]/.test(w) ? w : stemEnglish(w);
    return w;
  }

  // ---- typos (lang/typo.rs) ----------------------------------------------------------
  function letterMask(w) {
    var m = 0;
    for (var i = 0; i < w.length; i++) {
      var b = w.charCodeAt(i);
      m |= 1 << (b >= 97 && b <= 122 ? b - 97 : b >= 48 && b <= 57 ? 26 + (b - 48) % 6 : 31);
    }
    return m;
  }
  function bits(m) { var n = 0; for (; m; m &= m - 1) n++; return n; }
  function candidate(w) { return w.length >= 4 && w.length <= MAXLEN && /^[a-z]+$/.test(w); }
  function typos(word) {
    var max = FW.typo_from.filter(function (f) { return word.length >= f; }).length;
    // A French word (by its stem: `docter`) reaches a translation's word one edit away only.
    if (french.isFrench(word)) max = Math.min(max, 1);
    if (max === 0 || !candidate(word)) return [];
    var mask = letterMask(word), near = new Map();
    spellings.forEach(function (s) {
      // Each edit adds or removes at most one letter of the word's set of letters.
      if (bits(mask & ~s.mask) > max || bits(s.mask & ~mask) > max) return;
      var d = relaisDistance.full(word, s.word, max, MAXLEN);
      if (d >= 0 && (!near.has(s.term) || d < near.get(s.term))) near.set(s.term, d);
    });
    var out = [];
    near.forEach(function (d, t) { out.push([d <= 1 ? FW.typo1 : FW.typo2, post[t]]); });
    return out;
  }

  // ---- query (lang/query.rs) ---------------------------------------------------------
  // The postings of the term equal to `term`, or (when `prefix`) starting with it.
  function lookup(term, prefix) {
    if (!prefix) return termAt.has(term) ? [[1, post[termAt.get(term)]]] : [];
    var lo = 0, hi = terms.length, out = [];
    while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < term) lo = mid + 1; else hi = mid; }
    for (var k = lo; k < terms.length && terms[k].startsWith(term); k++) out.push([terms[k] === term ? 1 : W.prefix, post[k]]);
    return out;
  }
  // Each translation's BM25 points for one query word (the best of its forms), by document.
  function points(found) {
    var n = docs.length, best = new Map();
    found.forEach(function (x) {
      var factor = x[0], postings = x[1], d = new Set(postings.map(function (p) { return p[0]; })).size;
      var idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
      postings.forEach(function (p) {
        var f = p[1], tf = p[2], len = docs[p[0]].len[f];
        var norm = tf * (W.k1 + 1) / (tf + W.k1 * (1 - W.b + W.b * len / X.avg[f]));
        best.set(p[0], Math.max(best.get(p[0]) || 0, W.field[f] * idf * norm * factor));
      });
    });
    return best;
  }
  function holds(query, p) {
    for (var a = 0; a + query.length <= p.length; a++) {
      var all = true;
      for (var j = 0; j < query.length && all; j++) all = terms[p[a + j]] === query[j];
      if (all) return true;
    }
    return false;
  }
  function search(query) {
    var typing = !/\s$/u.test(query);
    var ws = words(query).filter(function (w) { return !STOP.has(w); }), unique = [];
    ws.forEach(function (w) { if (unique.indexOf(w) < 0) unique.push(w); });
    var reading = { words: unique.length, translations: 0, french: 0, both: 0, neither: 0 };
    if (!docs.length || !unique.length) return { hits: [], reading: reading };
    var tally = new Map(); // doc → {score, matched, foreign, typos}
    unique.forEach(function (word, i) {
      var term = stem(word), prefix = typing && i === unique.length - 1 && Array.from(term).length >= 3;
      var found = lookup(term, prefix), foreign = !french.knows(word), typo = false;
      // A word neither side knows, nor French: perhaps a typo of a translation's word.
      if (!found.length && foreign) { found = typos(word); typo = found.length > 0; }
      var best = points(found), any = !typo && best.size > 0;
      // A town keeps part of a word, in points and in coverage: it says where, not what.
      var share = PLACES.has(word) ? W.place : 1;
      if (any) reading[foreign ? 'translations' : 'both'] += 1; else reading[foreign ? 'neither' : 'french'] += 1;
      best.forEach(function (p, d) {
        if (!(p > 0)) return;
        var t = tally.get(d) || { score: 0, matched: 0, weight: 0, foreign: 0, typos: 0, phrase: false };
        t.score += p * share;
        t.matched += 1;
        t.weight += share;
        t.foreign += foreign && !typo ? 1 : 0;
        t.typos += typo ? 1 : 0;
        tally.set(d, t);
      });
    });
    // Two query words side by side in a title or an `ask`, as in the query.
    var stems = ws.map(stem);
    tally.forEach(function (t, d) {
      if (t.matched < 2) return;
      var ph = docs[d].phrases, pairs = 0;
      t.phrase = ph.some(function (p) { return holds(stems, p); });
      for (var k = 0; k + 1 < stems.length; k++) {
        var pair = [stems[k], stems[k + 1]];
        if (ph.some(function (p) { return holds(pair, p); })) pairs += 1;
      }
      t.score += W.adjacent * pairs;
    });
    // One hit per item: its best language.
    var byId = new Map(), n = unique.length;
    var total = unique.reduce(function (a, w) { return a + (PLACES.has(w) ? W.place : 1); }, 0);
    Array.from(tally.keys()).sort(function (a, b) { return a - b; }).forEach(function (d) {
      var t = tally.get(d), doc = docs[d], coverage = t.weight / total;
      var hit = { id: doc.id, kind: doc.k, lang: doc.lang, score: t.score * coverage * (doc.k === 'c' ? W.contact : 1),
        matched: t.matched, words: n, foreign: t.foreign, typos: t.typos, phrase: t.phrase, coverage: coverage };
      if (!byId.has(doc.id) || byId.get(doc.id).score < hit.score) byId.set(doc.id, hit);
    });
    var hits = Array.from(byId.values()).sort(byScore);
    return { hits: hits, reading: reading };
  }
  function byScore(a, b) { return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); }

  // ---- fusion (lang/fuse.rs) ---------------------------------------------------------
  // The French results, or the translations first when the query reads as another language.
  function fused(query) {
    var fr = french.search(query), frHits = fr.hits.slice(0, W.limit);
    if (!docs.length) return fr;
    var found = search(query), hits = found.hits, r = found.reading, top = hits[0];
    if (!top) return fr;
    // The French hit: the share of its terms it matches, its score as the terminal rounds it.
    var frOf = function (h) {
      var matched = h.slots.filter(function (z) { return z.score > 0; }).length;
      return { matched: matched, words: h.slots.length, score: Math.round(h.score * 100) / 100 };
    };
    var first = frHits.length ? frOf(frHits[0]) : null;
    var frCov = first && first.words ? first.matched / first.words : 0, frSure = !!first && fr.sure;
    var cov = top.coverage;
    var byWords = top.foreign > 0 && (cov > frCov || (!frSure && cov >= frCov));
    var byPhrase = top.phrase && r.words > 0 && r.translations + r.both === r.words;
    if (!byWords && !byPhrase && frHits.length) return fr;
    var doubt = top.typos >= top.matched || cov <= W.partial_at;
    var share = r.words ? (r.french + 0.5 * (r.both + r.neither)) / r.words : 1;
    var frWeight = (frSure ? W.french_sure : W.french_unsure) * share;
    var langMax = Math.max(top.score, EPSILON), frMax = first ? Math.max(first.score, EPSILON) : 1;
    var out = hits.map(function (h) { return { id: h.id, kind: h.kind, lang: h.lang, score: h.coverage * h.score / langMax }; });
    var at = new Map(out.map(function (h, k) { return [h.id, k]; })), words = Math.max(top.words, 1);
    frHits.forEach(function (h) {
      var x = frOf(h), p = frWeight * Math.min(x.matched / words, 1) * x.score / frMax;
      if (at.has(h.id)) out[at.get(h.id)].score += p;
      else { at.set(h.id, out.length); out.push({ id: h.id, kind: h.kind, score: p }); }
    });
    out = out.sort(byScore).slice(0, W.limit);
    return { hits: out, sure: out.length > 0 && !doubt };
  }
  var EPSILON = 1.1920929e-7; // f32::EPSILON, as the terminal's floor of a top score
  return { search: fused, suggest: french.suggest, stem: french.stem, checkStems: french.checkStems,
    langSearch: search, checkLangStems: function () {
      return X.spellings.filter(function (s) { return stem(s[0]) !== terms[s[1]]; }).map(function (s) { return s[0]; });
    } };
};

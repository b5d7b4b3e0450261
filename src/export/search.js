// relais phone page: the terminal's search (src/search/*), step for step, on the index the
// terminal serialised into the page (src/search/page.rs): fold → words → expand (colloquial
// forms, stop words, stems, families, prefixes, glued elisions and words, synonyms, and typos
// only for words neither the data nor French knows) → BM25F score → rank (neighbours,
// coverage, order, and the confidence: search_rank.js). Every weight comes from the page, and
// so does the French word list (MPL-2.0: src/search/expand/lexicon.LICENSE.md); edit
// distances: stem.js. tests/browser checks that the page's first result is the terminal's.
var relaisSearchEngine = function (I, stem) {
  'use strict';
  var W = I.weights, words = I.words, N = words.length, docs = I.docs;
  var EXACT = 0, STEM = 1, FAMILY = 2, GLUED = 3, PREFIX = 4, TYPO = 5, SYNONYM = 6, PART = 7;
  var STOP = new Set(I.stop_words), MAXLEN = W.typo_max_len;
  // Words of one stem and two senses (`porter`, `port`): each group is one sense (stems.rs APART).
  var sense = new Map();
  I.apart.forEach(function (g, i) { g.forEach(function (w) { sense.set(w, i); }); });
  function apart(a, b) { return sense.get(a) !== sense.get(b); }
  var wordId = new Map(), stemId = new Map(), stemWords = I.stems.map(function () { return []; });
  words.forEach(function (w, i) { wordId.set(w, i); });
  I.stems.forEach(function (s, i) { stemId.set(s, i); });
  I.stem.forEach(function (s, id) { stemWords[s].push(id); });
  var stop = words.map(function (w) { return STOP.has(w); });
  var familiesOf = new Map();
  I.families.forEach(function (f, i) {
    f.forEach(function (s) { if (!familiesOf.has(s)) familiesOf.set(s, []); familiesOf.get(s).push(i); });
  });
  // Postings: per word and field, [doc, tf] by document.
  var post = new Array(N * 5), short = new Array(N).fill(false);
  function posting(id, f, doc, tf) {
    var k = id * 5 + f, list = post[k] || (post[k] = []), last = list[list.length - 1];
    if (last && last[0] === doc) last[1] += tf; else list.push([doc, tf]);
    if (f < 3) short[id] = true;
  }
  docs.forEach(function (d, doc) {
    d.seq.forEach(function (seq, f) { seq.forEach(function (id) { if (id >= 0) posting(id, f, doc, 1); }); });
    for (var k = 0; k < d.answer.length; k += 2) posting(d.answer[k], 4, doc, d.answer[k + 1]);
  });
  var lexicon = new Set(), prev = '';
  I.lexicon.split(' ').forEach(function (x) { prev = prev.slice(0, +x[0]) + x.slice(1); lexicon.add(prev); });

  function isFrench(w, st) {
    return lexicon.has(st) || I.verb_endings.some(function (e) {
      return w.length - e.length >= 3 && w.slice(-e.length) === e && lexicon.has(stemOf(w.slice(0, -e.length)));
    });
  }
  function fold(s) {
    return s.normalize('NFKD').toLowerCase().replace(/[\u0300-\u036f]/g, '')
      .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss').replace(/ø/g, 'o')
      .replace(/ł/g, 'l').replace(/đ/g, 'd').replace(/ı/g, 'i').replace(/[^a-z0-9]+/g, ' ');
  }
  function stemOf(w) {
    if (w.length < 4 || /[0-9]/.test(w)) return w;
    var l = w.replace(/s$/, '');
    if (/ee$/.test(l)) l = l.slice(0, -1);
    return stem(l);
  }
  function lowerBound(t) {
    var lo = 0, hi = N;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (words[mid] < t) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function prefixed(t) {
    var out = [];
    for (var k = lowerBound(t); k < N && words[k].startsWith(t); k++) out.push(k);
    return out;
  }
  function find(t) { var i = wordId.get(t); return i === undefined ? -1 : i; }
  function unglue(w) { var m = /^(qu|[ldjnscmt])([aeiouyh][a-z0-9]{2,})$/.exec(w); return m ? m[2] : null; }
  // How many edits a word of n letters may carry: one per threshold reached.
  function edits(n, from) { return from.filter(function (f) { return n >= f; }).length; }
  function add(out, id, kind, weight, shortOnly) {
    for (var k = 0; k < out.length; k++) {
      if (out[k].id === id) { if (weight > out[k].weight) out[k] = { id: id, kind: kind, weight: weight, shortOnly: shortOnly }; return; }
    }
    out.push({ id: id, kind: kind, weight: weight, shortOnly: shortOnly });
  }

  // ---- expand ----------------------------------------------------------------------------
  // `word` is `base` with a plural or feminine ending (as in the terminal).
  function endsAsForm(word, base) { return word.indexOf(base) === 0 && ['e', 's', 'x', 'es'].indexOf(word.slice(base.length)) >= 0; }
  function wordsOf(t, st, scale, out) {
    var id = find(t);
    if (id >= 0) add(out, id, EXACT, W.exact * scale, false);
    var s = stemId.get(st);
    // A stem of three letters or less cut from a longer word joins only words that begin with
    // the other, but for a final e, s or x (as in the terminal).
    var short = st.length < W.short_stem && t.length > st.length;
    var bare = function (w) { return w.replace(/[sx]+$/, '').replace(/e$/, ''); };
    var bareT = bare(t);
    if (s !== undefined) {
      stemWords[s].forEach(function (id) {
        var w = words[id];
        if (stop[id] && !STOP.has(t)) return; // `mons` is not a form of `mon`
        if (apart(t, w)) return; // `porter` (plainte) is no form of `port`
        var plural = w.replace(/[sx]+$/, '') === t.replace(/[sx]+$/, '');
        if (short && !plural && ((w.indexOf(bareT) !== 0 && t.indexOf(bare(w)) !== 0) || Math.min(w.length, t.length) < W.short_stem ||
            (bare(w) === bareT && !endsAsForm(w, t) && !endsAsForm(t, w)))) return; // `gars` is no form of `gare`
        if (!plural && Array.from(t).length < W.short_stem) return; // `hiv` never reaches `hiver`
        add(out, id, STEM, (plural ? W.plural : W.stem) * scale, false);
      });
    }
    // A word that short is a word of its own in a family too (`hiv` and `hiver`).
    if (Array.from(t).length < W.short_stem) return;
    (familiesOf.get(st) || []).forEach(function (f) {
      I.families[f].forEach(function (fs) {
        var sid = stemId.get(fs);
        if (sid !== undefined) stemWords[sid].forEach(function (id) {
          if (Array.from(words[id]).length < W.short_stem) return;
          add(out, id, FAMILY, W.family * scale, false);
        });
      });
    });
  }
  function reach(terms, i) {
    var term = terms[i], t = term.text, out = [], k;
    wordsOf(t, term.stem, 1, out);
    // `toussent` → `tousse`: the third person plural that the stemmer leaves whole (as in the
    // terminal).
    // `hebergeons` → `heberge`: the first person plural, when its stem is no French word.
    var sg = null;
    if (/ent$/.test(t) && term.stem === t && Array.from(t).length >= 6) sg = t.slice(0, -2);
    else if (/ons$/.test(t) && Array.from(t).length >= 6 && !lexicon.has(term.stem)) {
      sg = t.slice(0, -3);
      if (!/e$/.test(sg)) sg += 'e';
    }
    if (sg !== null) {
      if (find(sg) >= 0) {
        var from = out.length;
        wordsOf(sg, stemOf(sg), W.stem, out);
        for (k = from; k < out.length; k++) if (out[k].kind === EXACT) out[k].kind = STEM;
      }
    }
    [[i - 1, i], [i, i + 1]].forEach(function (p) {
      var x = terms[p[0]], y = terms[p[1]];
      if (x && y) { var id = find(x.text + y.text); if (id >= 0) add(out, id, GLUED, W.glued / 2, true); }
    });
    var inData = out.length > 0, french = !inData && isFrench(t, term.stem), rest = unglue(t);
    if (!inData && !lexicon.has(term.stem) && rest) wordsOf(rest, stemOf(rest), W.elision, out);
    if (term.typing || (!out.length && !french && t.length >= W.prefix_unknown_from)) {
      var base = term.typing ? (french ? W.prefix_typing_french : inData ? W.prefix_typing_in_data : W.prefix_typing_unknown) : W.prefix_not_typing;
      prefixed(t).slice(0, W.max_prefixed).forEach(function (id) {
        add(out, id, PREFIX, base[0] + base[1] * t.length / words[id].length, t.length < W.prefix_short_below);
      });
    }
    var known = out.length ? 'data' : french ? 'french' : 'unknown';
    if (known === 'unknown') {
      var max = edits(t.length, W.typo_from);
      relaisDistance.scan(words, t, max, MAXLEN, 0, function (k, d) { if (d > 0) add(out, k, TYPO, d === 1 ? (slip(t, words[k]) ? W.typo_slip : W.typo1) : W.typo2, false); });
      // The word a typo reaches stands for its forms too, each below it (as in the terminal).
      out.slice().forEach(function (e) {
        stemWords[I.stem[e.id]].forEach(function (o) { if (o !== e.id && words[o].length >= W.short_stem && !apart(words[e.id], words[o])) add(out, o, TYPO, e.weight * W.stem, false); });
      });
      if (term.typing && max && t.length <= MAXLEN) relaisDistance.scanPrefix(words, t, MAXLEN, function (k) { add(out, k, TYPO, W.typo_prefix, true); });
      if (!out.length && t.length >= W.part_from) {
        for (k = 0; k < N; k++) {
          var w = words[k];
          if (w.length > t.length && !w.startsWith(t) && w.indexOf(t) >= 0 && short[k]) add(out, k, PART, W.part, true);
        }
      }
    }
    term.known = known;
    term.exp = out;
  }
  function alternatives(terms) {
    var out = [];
    I.synonyms.forEach(function (group, g) {
      group.forEach(function (member, m) {
        var n = member.words.length, at = -1;
        for (var a = 0; a + n <= terms.length && at < 0; a++) {
          var all = true;
          for (var j = 0; j < n && all; j++) all = terms[a + j].text === member.words[j] || terms[a + j].stem === member.stems[j];
          if (all) at = a;
        }
        if (at < 0) return;
        group.forEach(function (other, o) {
          if (!other.ids || o === m) return;
          var reached = other.ids.every(function (id) {
            return terms.slice(at, at + n).some(function (t) { return t.exp.some(function (e) { return e.id === id && e.kind < TYPO; }); });
          });
          var dup = out.some(function (x) { return x.from === at && x.to === at + n && x.ids.join() === other.ids.join(); });
          if (!reached && !dup) out.push({ from: at, to: at + n, ids: other.ids, weight: W.synonym });
        });
      });
    });
    return out;
  }
  function expand(q) {
    var folded = fold(q), raw = folded.trim().split(' ').filter(Boolean).slice(0, W.max_words);
    var list = raw.map(function (w, i) { return { text: w, typing: i + 1 === raw.length && folded[folded.length - 1] !== ' ' }; });
    var rewritten = [], i = 0;
    while (i < list.length) {
      var rule = null;
      for (var r = 0; r < I.colloquial.length && !rule; r++) {
        var form = I.colloquial[r][0], n = form.length, ok = i + n <= list.length;
        for (var j = 0; j < n && ok; j++) ok = form[j] === list[i + j].text;
        // Only a longer word of the data that the form begins keeps it as typed (`qqn` held in an
        // `ask` is still read as its words).
        if (ok && list[i + n - 1].typing && prefixed(list[i + n - 1].text).some(function (k) { return words[k] !== list[i + n - 1].text; })) ok = false;
        if (ok) rule = I.colloquial[r];
      }
      if (rule) {
        rule[1].forEach(function (w) { rewritten.push({ text: w, typing: false }); });
        i += rule[0].length;
      } else {
        rewritten.push(list[i]);
        i += 1;
      }
    }
    // A stop word, or one glued to its elided pronoun or article (`lont`) that nobody knows.
    function isStop(w) {
      if (STOP.has(w)) return true;
      var rest = find(w) < 0 && !isFrench(w, stemOf(w)) && unglue(w);
      return !!rest && STOP.has(rest);
    }
    var keepAll = rewritten.every(function (w) { return isStop(w.text); });
    // The terms, in order, a word said twice being one term; and the phrase, each word a stop
    // word (its id) or a term (its index), as in the terminal.
    var phrase = rewritten.length >= 2 ? [] : null, terms = [];
    rewritten.forEach(function (w) {
      if (!keepAll && isStop(w.text)) {
        if (phrase) { var id = find(w.text); if (id < 0) phrase = null; else phrase.push({ id: id }); }
        return;
      }
      var at = -1;
      terms.forEach(function (t, k) { if (t.text === w.text) at = k; });
      if (at >= 0) { if (phrase) phrase.push({ term: at }); return; }
      if (terms.length >= W.max_terms) { phrase = null; return; }
      if (phrase) phrase.push({ term: terms.length });
      terms.push({ text: w.text, typing: w.typing, stem: stemOf(w.text) });
    });
    terms.forEach(function (t, i) { reach(terms, i); });
    var alts = alternatives(terms);
    alts.forEach(function (a) {
      for (var k = a.from; k < a.to; k++) {
        var t = terms[k];
        if (t.known === 'unknown' && t.exp.every(function (e) { return e.kind >= TYPO; })) { t.exp = []; t.known = 'french'; }
      }
    });
    return { terms: terms, alts: alts, phrase: phrase, onlyCommon: keepAll && rewritten.length > 0 };
  }

  // ---- score -----------------------------------------------------------------------------
  function literal(kind) { return kind <= PREFIX; }
  function idfCap(exp) {
    return exp.reduce(function (m, e) { return capped(e.kind) ? Math.min(m, I.idf[e.id]) : m; }, Infinity);
  }
  function capped(kind) { return literal(kind) && kind !== GLUED; }
  // Two neighbouring letters swapped, or a letter doubled or not (see typo/distance.rs).
  function slip(a, b) {
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    // Two neighbouring letters swapped, or an `s` for a soft `c` (before e, i, y) or back.
    if (a.length === b.length) return i + 1 < a.length && a.slice(i + 2) === b.slice(i + 2) &&
      ((a[i] === b[i + 1] && a[i + 1] === b[i]) ||
       (((a[i] === 's' && b[i] === 'c') || (a[i] === 'c' && b[i] === 's')) && 'eiy'.indexOf(a[i + 1]) >= 0 && a[i + 1] === b[i + 1]) ||
       // An `a` for an `e` or back in a nasal vowel (`permanance`): before an n or m that ends the
       // word or comes before another consonant.
       (((a[i] === 'a' && b[i] === 'e') || (a[i] === 'e' && b[i] === 'a')) && (a[i + 1] === 'n' || a[i + 1] === 'm') &&
        a[i + 1] === b[i + 1] && (i + 2 >= a.length || ('aeiouy'.indexOf(a[i + 2]) < 0 && a[i + 2] !== a[i + 1]))));
    var long = a.length > b.length ? a : b, short = a.length > b.length ? b : a;
    return long.length === short.length + 1 && long.slice(i + 1) === short.slice(i) &&
      ((i > 0 && long[i] === long[i - 1]) || long[i + 1] === long[i]);
  }
  function idfOf(e, cap) { return capped(e.kind) ? Math.min(I.idf[e.id], cap) : I.idf[e.id]; }
  function saturate(tf) { return tf * (W.k1 + 1) / (W.k1 + tf); }
  // Calls f(doc, pseudo-frequency, strongest field, fields as bits) for each document holding
  // word `id`.
  function scoreWord(id, shortOnly, f) {
    var acc = new Map(), fields = shortOnly ? 3 : 5;
    for (var fi = 0; fi < fields; fi++) {
      (post[id * 5 + fi] || []).forEach(function (p) {
        var norm = 1 - W.b[fi] + W.b[fi] * docs[p[0]].len[fi] / I.avg_len[fi];
        var a = acc.get(p[0]) || (acc.set(p[0], { tf: 0, bits: 0 }), acc.get(p[0]));
        a.tf += W.field[fi] * p[1] / norm;
        a.bits |= 1 << fi;
      });
    }
    acc.forEach(function (a, doc) {
      var best = 0;
      while (!(a.bits & (1 << best))) best++;
      f(doc, a.tf, best, a.bits);
    });
  }
  function score(q) {
    var n = q.terms.length, slots = new Map(), vmask = new Map();
    function at(doc) {
      var s = slots.get(doc);
      if (!s) {
        s = [];
        for (var k = 0; k < n; k++) s.push({ score: 0, kind: EXACT, weight: 0, literal: 0, field: 4, ev: 0, top: 0 });
        slots.set(doc, s);
      }
      return s;
    }
    function mark(id, bits) { vmask.set(id, (vmask.get(id) || 0) | bits); }
    q.terms.forEach(function (term, i) {
      var cap = idfCap(term.exp);
      term.exp.forEach(function (e) {
        var lit = literal(e.kind), w = e.weight * idfOf(e, cap);
        mark(e.id, (lit ? 1 << i : 0) | (1 << (16 + i)));
        scoreWord(e.id, e.shortOnly, function (doc, tf, field, bits) {
          var slot = at(doc)[i], points = w * saturate(tf);
          if (lit) slot.literal |= bits;
          slot.ev += w * tf;
          slot.top = Math.max(slot.top, w);
          if (points > slot.score) { slot.score = points; slot.kind = e.kind; slot.weight = e.weight; slot.field = field; }
        });
      });
      // The term's evidence in each document, from all its expansions, saturated once.
      slots.forEach(function (s) { var z = s[i]; if (z.top > 0) z.score = z.top * saturate(z.ev / z.top); });
    });
    q.alts.forEach(function (a) {
      var found = null;
      for (var k = 0; k < a.ids.length; k++) {
        var these = new Map(), where = new Map();
        scoreWord(a.ids[k], false, function (doc, tf, field) { these.set(doc, I.idf[a.ids[k]] * saturate(tf)); where.set(doc, field); });
        if (!found) { found = []; these.forEach(function (p, doc) { found.push([doc, p, where.get(doc)]); }); }
        else found = found.filter(function (x) { return these.has(x[0]) && ((x[1] += these.get(x[0])), true); });
        if (!found.length) return;
      }
      var covered = a.to - a.from;
      for (var t = a.from; t < a.to; t++) a.ids.forEach(function (id) { mark(id, 1 << (16 + t)); });
      // Never rarer than the terms it stands for (see score.rs, rarity_share).
      var memberIdf = a.ids.reduce(function (m, id) { return m + I.idf[id]; }, 0) / a.ids.length, theirs = 0;
      for (var u = a.from; u < a.to; u++) { var c = idfCap(q.terms[u].exp); theirs += isFinite(c) ? c : memberIdf; }
      var rarity = memberIdf > 0 ? Math.min(1, theirs / (memberIdf * covered)) : 1;
      found.forEach(function (x) {
        var points = a.weight * x[1] / a.ids.length * covered * rarity, s = at(x[0]).slice(a.from, a.to);
        if (s.every(function (z) { return z.score > 0 && literal(z.kind); })) return;
        var own = s.reduce(function (m, z) { return m + z.score; }, 0);
        if (points > own) s.forEach(function (z) { z.score = points / covered; z.kind = SYNONYM; z.weight = a.weight; z.field = x[2]; });
      });
    });
    return { slots: slots, vmask: vmask };
  }

  // ---- rank ------------------------------------------------------------------------------
  var R = relaisRank(I, docs, stop, { PREFIX: PREFIX, TYPO: TYPO, literal: literal, idfCap: idfCap, idfOf: idfOf });
  function search(query) {
    var q = expand(query);
    if (!q.terms.length) return { hits: [], sure: false };
    var s = score(q), imp = R.importance(q), total = imp.reduce(function (a, b) { return a + b; }, 0), hits = [];
    R.contacts(s, imp, total);
    s.slots.forEach(function (slots, doc) {
      var base = 0, matched = 0;
      slots.forEach(function (z, i) { base += z.score; if (z.score > 0) matched += imp[i] * R.heldShare(z); });
      var coverage = total > 0 ? Math.pow(matched / total, W.coverage_power) : 1;
      var bonus = R.adjacency(doc, slots, s.vmask) + (q.phrase && R.holdsPhrase(doc, q) ? W.phrase * base : 0);
      hits.push({ doc: doc, id: docs[doc].id, kind: docs[doc].k, slots: slots, bonus: bonus, score: (base + bonus) * coverage });
    });
    hits.sort(function (a, b) {
      return b.score - a.score || docs[a.doc].tl - docs[b.doc].tl || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    // Only stop words (`que faire`): scored, since nothing else is left, but never a sure answer.
    return { hits: hits, sure: hits.length > 0 && !q.onlyCommon && !R.doubt(hits[0], imp, total) };
  }
  // For each query word that reaches nothing, the closest word of the data (fewest edits, then
  // the most common), in its original spelling.
  function suggest(query) {
    var out = [];
    expand(query).terms.forEach(function (t) {
      if (t.known === 'french' || t.exp.some(function (e) { return e.kind < TYPO; })) return;
      var best = null;
      relaisDistance.scan(words, t.text, edits(t.text.length, W.suggest_from), MAXLEN, W.suggest_from[0], function (k, d) {
        if (!best || d < best[0] || (d === best[0] && I.df[k] > best[1])) best = [d, I.df[k], k];
      });
      if (best) {
        var shown = I.display[best[2]] || words[best[2]];
        if (out.indexOf(shown) < 0) out.push(shown);
      }
    });
    return out;
  }
  // What search_lang.js shares: folding, the vocabulary, the French word list.
  return { search: search, suggest: suggest, stem: stemOf, fold: fold, knows: function (w) { return find(w) >= 0; },
    isFrench: function (w) { return isFrench(w, stemOf(w)); }, checkStems: function () {
    return words.filter(function (w, id) { return stemOf(w) !== I.stems[I.stem[id]]; });
  } };
};

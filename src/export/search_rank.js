// relais phone page: stage 6 of the terminal's search, src/search/rank.rs step for step: how
// much each term weighs, the neighbour and phrase bonuses, what a contact keeps of its points,
// the coverage share of a term, and the confidence of the first hit. search.js calls it with
// what its earlier stages share.
var relaisRank = function (I, docs, stop, k) {
  'use strict';
  var W = I.weights, PREFIX = k.PREFIX, TYPO = k.TYPO, literal = k.literal, idfCap = k.idfCap, idfOf = k.idfOf;
  function importance(q) {
    var best = q.terms.map(function (t, i) {
      var cap = idfCap(t.exp), own = t.exp.reduce(function (m, e) { return Math.max(m, e.weight * idfOf(e, cap)); }, 0);
      var alt = q.alts.reduce(function (m, a) {
        return i >= a.from && i < a.to ? a.ids.reduce(function (mm, id) { return Math.max(mm, a.weight * I.idf[id]); }, m) : m;
      }, 0);
      return Math.max(own, alt);
    });
    var known = best.filter(function (b) { return b > 0; });
    var mean = known.length ? known.reduce(function (a, b) { return a + b; }, 0) / known.length : 1;
    // A word of four letters or more that reaches nothing weighs like a French word the data lacks.
    return best.map(function (b, i) {
      var t = q.terms[i];
      return b === 0 && (t.known === 'french' || t.text.length >= W.unanswered_from) ? W.french_unknown * mean : b;
    });
  }
  function adjacency(doc, slots, vmask) {
    var bonus = 0, seen = 0;
    for (var f = 0; f < 4; f++) {
      var possible = false, pairs = 0, prevMask = 0;
      for (var i = 0; i + 1 < slots.length; i++) possible = possible || ((slots[i].literal & slots[i + 1].literal) & (1 << f)) !== 0;
      if (possible) {
        docs[doc].seq[f].forEach(function (id) {
          if (id < 0) { prevMask = 0; return; }
          if (stop[id]) return;
          var m = (vmask.get(id) || 0) & 0xffff;
          pairs |= (prevMask | m) & (m >> 1);
          prevMask = m;
        });
      }
      pairs &= ~seen;
      seen |= pairs;
      for (var k = 0; k + 1 < slots.length; k++) {
        if (pairs & (1 << k)) bonus += W.adjacent * W.field[f] / W.field[0] * Math.min(slots[k].score, slots[k + 1].score);
      }
    }
    return bonus;
  }
  // The title or an `ask` phrasing holds the whole query word for word (a term may be found
  // there as written, by stem or family, or with a typo).
  function accepts(term, id) {
    return term.exp.some(function (e) { return e.id === id && e.kind <= TYPO && e.kind !== PREFIX; });
  }
  function holdsPhrase(doc, q) {
    var phrase = q.phrase;
    return [0, 1, 2].some(function (f) {
      var seq = docs[doc].seq[f], n = phrase.length;
      for (var k = 0; k + n <= seq.length; k++) {
        var all = true;
        for (var j = 0; j < n && all; j++) {
          var id = seq[k + j], want = phrase[j];
          all = id >= 0 && (want.term === undefined ? id === want.id : accepts(q.terms[want.term], id));
        }
        if (all) return true;
      }
      return false;
    });
  }
  // A contact scores less unless the query names it (as src/search/score.rs's `contacts`).
  function contacts(s, imp, total) {
    s.slots.forEach(function (slots, doc) {
      if (docs[doc].k !== 'c' || total <= 0) return;
      var name = 0, held = 0, named = 0;
      docs[doc].seq[0].forEach(function (id) {
        if (id < 0 || stop[id]) return;
        name += I.idf[id];
        if ((s.vmask.get(id) || 0) & 0xffff) held += I.idf[id];
      });
      slots.forEach(function (z, i) { if (z.score > 0 && (z.literal & 1)) named += imp[i]; });
      var share = W.contact_unnamed + (W.contact_named - W.contact_unnamed) * (name > 0 ? held / name : 0) * named / total;
      slots.forEach(function (z) { z.score *= share; });
    });
  }
  // A term found only in the answer adds a share of its weight to the coverage (as
  // src/search/rank.rs's `held_share`).
  function heldShare(z) { return z.field === 4 ? W.answer_only : 1; }
  function doubt(best, imp, total) {
    var asWritten = 0, inShort = false, shortWeight = 0, perField = [0, 0, 0, 0];
    best.slots.forEach(function (z, i) {
      if (z.score > 0 && literal(z.kind) && !(z.kind === PREFIX && z.weight < W.prefix_sure_from)) {
        asWritten += imp[i];
        inShort = inShort || (z.literal & 15) !== 0;
        if ((z.literal & 15) !== 0) shortWeight += imp[i];
        for (var f = 0; f < 4; f++) if (z.literal & (1 << f)) perField[f]++;
      }
    });
    var title = W.field[0] * (W.k1 + 1) / (W.k1 + W.field[0]), shared = perField.some(function (n) { return n >= 2; });
    var mean = total / Math.max(imp.length, 1); // a long question tells a story: see weights.rs
    var told = shortWeight >= W.sure_words * mean && asWritten >= W.sure_long_share * total;
    return asWritten === 0 || !inShort || (asWritten < W.sure_share * total && !told) ||
      best.score < W.sure_score * title * Math.min(total, W.sure_words_scored * mean) ||
      (best.slots.length >= W.scattered_from && best.bonus === 0 && !shared); // words scattered over the entry
  }
  return { importance: importance, adjacency: adjacency, holdsPhrase: holdsPhrase, contacts: contacts,
    heldShare: heldShare, doubt: doubt };
};

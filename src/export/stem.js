// relais phone page: the word tools of the search. The Snowball French stemmer, written for this page from the published
// algorithm (snowballstem.org), on folded words (a-z, no accents): the accented rules of the
// algorithm never apply to them. tests/browser checks it against the terminal's stemmer
// (rust-stemmers) on every word of the data.
var relaisStem = (function () {
  'use strict';
  var VOWELS = 'aeiouy';
  function isV(c) { return c !== undefined && c.length === 1 && VOWELS.indexOf(c) >= 0; }

  // Longest suffix of `s` (an array of letters) in `list` starting at or after `from`, or ''.
  function longest(s, list, from) {
    var w = s.join(''), best = '';
    list.forEach(function (x) {
      if (x.length > best.length && w.length - x.length >= from && w.slice(w.length - x.length) === x) best = x;
    });
    return best;
  }
  function cut(s, n) { s.length -= n; }
  function put(s, n, text) { s.length -= n; Array.prototype.push.apply(s, text.split('')); }
  function endsWith(s, x) { return s.join('').slice(-x.length) === x && s.length >= x.length; }

  var STEP1 = [
    'ance', 'iqUe', 'isme', 'able', 'iste', 'eux', 'ances', 'iqUes', 'ismes', 'ables', 'istes',
    'atrice', 'ateur', 'ation', 'atrices', 'ateurs', 'ations', 'logie', 'logies', 'usion',
    'ution', 'usions', 'utions', 'ence', 'ences', 'ement', 'ements', 'if', 'ive', 'ifs', 'ives',
    'eaux', 'aux', 'euse', 'euses', 'issement', 'issements', 'amment', 'emment', 'ment', 'ments'
  ];
  var IVERB = [
    'i', 'ie', 'ies', 'ir', 'ira', 'irai', 'iraIent', 'irais', 'irait', 'iras', 'irent', 'irez',
    'iriez', 'irions', 'irons', 'iront', 'is', 'issaIent', 'issais', 'issait', 'issant',
    'issante', 'issantes', 'issants', 'isse', 'issent', 'isses', 'issez', 'issiez', 'issions',
    'issons', 'it'
  ];
  var VERB_DEL = ['er', 'era', 'erai', 'eraIent', 'erais', 'erait', 'eras', 'erez', 'eriez',
    'erions', 'erons', 'eront', 'ez', 'iez'];
  var VERB_A = ['a', 'ai', 'aIent', 'ais', 'ait', 'ant', 'ante', 'antes', 'ants', 'as', 'asse',
    'assent', 'asses', 'assiez', 'assions'];
  var VERB = ['ions'].concat(VERB_DEL, VERB_A);

  function stem(word) {
    var s = word.split(''), i, c = 0, n;
    // Prelude: u and i between vowels, y next to a vowel, u after q, as consonants (each
    // test starts again just after the place of the last change).
    for (;;) {
      var done = false;
      for (i = c; i < s.length && !done; i++) {
        if (isV(s[i])) {
          var x = s[i + 1];
          if ((x === 'u' || x === 'i') && isV(s[i + 2])) { s[i + 1] = x.toUpperCase(); c = i + 1; done = true; break; }
          if (x === 'y') { s[i + 1] = 'Y'; c = i + 1; done = true; break; }
        }
        if (s[i] === 'y' && isV(s[i + 1])) { s[i] = 'Y'; c = i + 1; done = true; break; }
        if (s[i] === 'q' && s[i + 1] === 'u') { s[i + 1] = 'U'; c = i + 1; done = true; break; }
      }
      if (!done) break;
    }
    // Regions.
    n = s.length;
    var pV = n, p1 = n, p2 = n, w = s.join('');
    if (n >= 3 && isV(s[0]) && isV(s[1])) pV = 3;
    else if (/^(par|col|tap)/.test(w)) pV = 3;
    else for (i = 1; i < n; i++) if (isV(s[i])) { pV = i + 1; break; }
    var r = [];
    for (i = 0; i < n && r.length < 2; i++) {
      if (isV(s[i])) {
        for (var j = i + 1; j < n; j++) if (!isV(s[j])) { r.push(j + 1); i = j; break; }
        if (j >= n) break;
      }
    }
    if (r.length > 0) p1 = r[0];
    if (r.length > 1) p2 = r[1];

    var changed = step1(s, pV, p1, p2);
    if (changed === 'fail') changed = iVerb(s, pV) || verb(s, pV, p2);
    if (changed) {
      if (s[s.length - 1] === 'Y') s[s.length - 1] = 'i';
    } else {
      residual(s, pV, p2);
    }
    // Undouble.
    w = s.join('');
    if (/(enn|onn|ett|ell|eill)$/.test(w)) s.length -= 1;
    return s.join('').replace(/U/g, 'u').replace(/I/g, 'i').replace(/Y/g, 'y');
  }

  // Returns true when a suffix was removed, false when nothing applied, 'fail' to go on with
  // the verb suffixes (as the algorithm does after -ment).
  function step1(s, pV, p1, p2) {
    var x = longest(s, STEP1, 0), at = s.length - x.length;
    if (!x) return 'fail';
    var R2 = at >= p2, R1 = at >= p1, RV = at >= pV;
    switch (x) {
      case 'ance': case 'iqUe': case 'isme': case 'able': case 'iste': case 'eux':
      case 'ances': case 'iqUes': case 'ismes': case 'ables': case 'istes':
        if (!R2) return 'fail';
        cut(s, x.length); return true;
      case 'atrice': case 'ateur': case 'ation': case 'atrices': case 'ateurs': case 'ations':
        if (!R2) return 'fail';
        cut(s, x.length);
        if (endsWith(s, 'ic')) { if (s.length - 2 >= p2) cut(s, 2); else put(s, 2, 'iqU'); }
        return true;
      case 'logie': case 'logies':
        if (!R2) return 'fail';
        put(s, x.length, 'log'); return true;
      case 'usion': case 'ution': case 'usions': case 'utions':
        if (!R2) return 'fail';
        put(s, x.length, 'u'); return true;
      case 'ence': case 'ences':
        if (!R2) return 'fail';
        put(s, x.length, 'ent'); return true;
      case 'ement': case 'ements':
        if (!RV) return 'fail';
        cut(s, x.length);
        var y = longest(s, ['iv', 'eus', 'abl', 'iqU'], 0), b = s.length - y.length;
        if (y === 'iv') {
          if (b >= p2) { cut(s, 2); if (endsWith(s, 'at') && s.length - 2 >= p2) cut(s, 2); }
        } else if (y === 'eus') {
          if (b >= p2) cut(s, 3); else if (b >= p1) put(s, 3, 'eux');
        } else if (y && b >= p2) {
          cut(s, y.length);
        }
        return true;
      case 'if': case 'ive': case 'ifs': case 'ives':
        if (!R2) return 'fail';
        cut(s, x.length);
        if (endsWith(s, 'at') && s.length - 2 >= p2) {
          cut(s, 2);
          if (endsWith(s, 'ic')) { if (s.length - 2 >= p2) cut(s, 2); else put(s, 2, 'iqU'); }
        }
        return true;
      case 'eaux':
        put(s, 4, 'eau'); return true;
      case 'aux':
        if (!R1) return 'fail';
        put(s, 3, 'al'); return true;
      case 'euse': case 'euses':
        if (R2) { cut(s, x.length); return true; }
        if (R1) { put(s, x.length, 'eux'); return true; }
        return 'fail';
      case 'issement': case 'issements':
        if (!R1 || isV(s[at - 1]) || s[at - 1] === undefined) return 'fail';
        cut(s, x.length); return true;
      case 'amment':
        if (RV) put(s, 6, 'ant');
        return 'fail';
      case 'emment':
        if (RV) put(s, 6, 'ent');
        return 'fail';
      default: // ment, ments
        if (isV(s[at - 1]) && at - 1 >= pV) cut(s, x.length);
        return 'fail';
    }
  }

  function iVerb(s, pV) {
    var x = longest(s, IVERB, pV), at = s.length - x.length;
    if (!x || at - 1 < pV) return false;
    var before = s[at - 1];
    if (before === 'H' || isV(before)) return false;
    cut(s, x.length);
    return true;
  }

  function verb(s, pV, p2) {
    var x = longest(s, VERB, pV), at = s.length - x.length;
    if (!x) return false;
    if (x === 'ions') {
      if (at < p2) return false;
      cut(s, 4); return true;
    }
    cut(s, x.length);
    if (VERB_A.indexOf(x) >= 0 && s[s.length - 1] === 'e' && s.length - 1 >= pV) cut(s, 1);
    return true;
  }

  function residual(s, pV, p2) {
    var n = s.length;
    if (s[n - 1] === 's' && n >= 2 && 'aiouès'.indexOf(s[n - 2]) < 0) s.length -= 1;
    var x = longest(s, ['ion', 'ier', 'Ier', 'e'], pV), at = s.length - x.length;
    if (x === 'ion') {
      if (at >= p2 && at - 1 >= pV && (s[at - 1] === 's' || s[at - 1] === 't')) cut(s, 3);
    } else if (x === 'ier' || x === 'Ier') {
      put(s, 3, 'i');
    } else if (x === 'e') {
      cut(s, 1);
    }
  }

  return stem;
}());

// The edit distances of the typo policy (src/search/typo.rs), on folded words: `full` between
// two words, `prefix` between a word being typed and the beginnings of a longer one; -1 when
// over `max` edits.
var relaisDistance = (function () {
  'use strict';
  // Optimal string alignment (Levenshtein where swapping two neighbouring letters is one
  // edit), as src/search/typo/distance.rs: the last row, or null beyond maxLen letters.
  function lastRow(a, b, maxLen) {
    if (a.length > maxLen || b.length > maxLen) return null;
    var w = b.length + 1, d = new Array((a.length + 1) * w), i, j;
    for (i = 0; i <= a.length; i++) d[i * w] = i;
    for (j = 0; j <= b.length; j++) d[j] = j;
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var best = Math.min(d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * w + j - 2] + 1);
        d[i * w + j] = best;
      }
    }
    return d.slice(a.length * w);
  }
  function full(a, b, max, maxLen) {
    if (Math.abs(a.length - b.length) > max) return -1;
    var r = lastRow(a, b, maxLen);
    return r && r[b.length] <= max ? r[b.length] : -1;
  }
  function prefix(a, b, max, maxLen) {
    if (b.length + max < a.length) return -1;
    var r = lastRow(a, b, maxLen);
    if (!r) return -1;
    var m = Infinity;
    for (var j = Math.max(0, a.length - max); j <= b.length; j++) m = Math.min(m, r[j]);
    return m <= max ? m : -1;
  }
  // Calls f(k, d) for each word k of `words`, of `minLen` letters or more, within `max` edits of
  // `t` (none when `max` is 0 or `t` is longer than maxLen).
  function scan(words, t, max, maxLen, minLen, f) {
    if (!max || t.length > maxLen) return;
    for (var k = 0; k < words.length; k++) {
      var v = words[k];
      if (v.length < minLen || v.length > maxLen || Math.abs(v.length - t.length) > max) continue;
      var d = full(t, v, max, maxLen);
      if (d >= 0) f(k, d);
    }
  }
  // Calls f(k) for each word k of `words` whose beginning is within one edit of `t`.
  function scanPrefix(words, t, maxLen, f) {
    for (var k = 0; k < words.length; k++) {
      var v = words[k];
      if (v.length >= t.length && v.length <= maxLen && prefix(t, v, 1, maxLen) >= 0) f(k);
    }
  }
  return { full: full, prefix: prefix, scan: scan, scanPrefix: scanPrefix };
}());
if (typeof module !== 'undefined') module.exports = relaisStem;

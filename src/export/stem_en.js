// relais phone page: the Snowball English stemmer (Porter2, the version rust-stemmers runs for
// the terminal's index of the translations, src/search/lang/fold.rs), written from the
// algorithm's description: prelude (y as a consonant), regions R1 and R2, steps 1a to 5. It
// takes a folded lower-case word of letters; the caller keeps short words and numbers whole.
// tests/browser checks it against the terminal's stems of every word of the translations.
var relaisStemEnglish = (function () {
  'use strict';
  // Whole words the algorithm treats apart: special forms, and words left as they are.
  var EXCEPTIONS = {
    skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl',
    gently: 'gentl', ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl',
    sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias',
    andes: 'andes'
  };
  // Left as they are after step 1a.
  var AFTER_1A = ['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed'];
  // Beginnings whose R1 starts right after them.
  var PREFIXES = ['gener', 'commun', 'arsen'];
  var STEP2 = [
    ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['entli', 'ent'],
    ['izer', 'ize'], ['ization', 'ize'], ['ational', 'ate'], ['ation', 'ate'], ['ator', 'ate'],
    ['alism', 'al'], ['aliti', 'al'], ['alli', 'al'], ['fulness', 'ful'], ['ousli', 'ous'],
    ['ousness', 'ous'], ['iveness', 'ive'], ['iviti', 'ive'], ['biliti', 'ble'], ['bli', 'ble'],
    ['ogi', 'og'], ['fulli', 'ful'], ['lessli', 'less'], ['li', '']
  ];
  var STEP3 = [
    ['tional', 'tion'], ['ational', 'ate'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'],
    ['ical', 'ic'], ['ful', ''], ['ness', ''], ['ative', '']
  ];
  var STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent',
    'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion'];

  function vowel(c) { return c !== undefined && c.length === 1 && 'aeiouy'.indexOf(c) >= 0; }
  function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }
  // The longest of `list` (strings, or pairs whose first is the suffix) that ends `w`.
  function longest(w, list) {
    var best = null;
    list.forEach(function (x) {
      var s = typeof x === 'string' ? x : x[0];
      if (ends(w, s) && (best === null || s.length > (typeof best === 'string' ? best : best[0]).length)) best = x;
    });
    return best;
  }
  // The position after the first non-vowel that follows a vowel, from `from` (the word's
  // length when there is none).
  function region(w, from) {
    var i = from;
    while (i < w.length && !vowel(w[i])) i++;
    while (i < w.length && vowel(w[i])) i++;
    return i < w.length ? i + 1 : w.length;
  }
  // A short syllable ends at `n`: a non-vowel (not w, x or Y) after a vowel after a non-vowel,
  // or a non-vowel after a vowel that begins the word.
  function shortSyllable(w, n) {
    var a = w[n - 1], b = w[n - 2];
    if (n >= 3 && !vowel(a) && 'wxY'.indexOf(a) < 0 && vowel(b) && !vowel(w[n - 3])) return true;
    return n === 2 && !vowel(a) && vowel(b);
  }
  function step1a(w) {
    if (ends(w, 'sses')) return w.slice(0, -2);
    if (ends(w, 'ied') || ends(w, 'ies')) return w.length > 4 ? w.slice(0, -2) : w.slice(0, -1);
    if (ends(w, 'us') || ends(w, 'ss')) return w;
    if (ends(w, 's')) {
      // A vowel before the letter that precedes the s.
      for (var i = w.length - 3; i >= 0; i--) if (vowel(w[i])) return w.slice(0, -1);
    }
    return w;
  }
  function step1b(w, p1) {
    var s = longest(w, ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly']);
    if (s === null) return w;
    var at = w.length - s.length;
    if (s === 'eed' || s === 'eedly') return at >= p1 ? w.slice(0, at) + 'ee' : w;
    var stem = w.slice(0, at);
    if (!/[aeiouy]/.test(stem)) return w;
    if (ends(stem, 'at') || ends(stem, 'bl') || ends(stem, 'iz')) return stem + 'e';
    if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(stem)) return stem.slice(0, -1);
    if (stem.length === p1 && shortSyllable(stem, stem.length)) return stem + 'e';
    return stem;
  }
  function step1c(w) {
    var n = w.length, last = w[n - 1];
    return (last === 'y' || last === 'Y') && n > 2 && !vowel(w[n - 2]) ? w.slice(0, -1) + 'i' : w;
  }
  function step2(w, p1) {
    var x = longest(w, STEP2);
    if (x === null) return w;
    var at = w.length - x[0].length;
    if (at < p1) return w;
    if (x[0] === 'ogi' && w[at - 1] !== 'l') return w;
    if (x[0] === 'li' && (at < 1 || 'cdeghkmnrt'.indexOf(w[at - 1]) < 0)) return w;
    return w.slice(0, at) + x[1];
  }
  function step3(w, p1, p2) {
    var x = longest(w, STEP3);
    if (x === null) return w;
    var at = w.length - x[0].length;
    if (at < p1 || (x[0] === 'ative' && at < p2)) return w;
    return w.slice(0, at) + x[1];
  }
  function step4(w, p2) {
    var s = longest(w, STEP4);
    if (s === null) return w;
    var at = w.length - s.length;
    if (at < p2 || (s === 'ion' && (at < 1 || 'st'.indexOf(w[at - 1]) < 0))) return w;
    return w.slice(0, at);
  }
  function step5(w, p1, p2) {
    var at = w.length - 1;
    if (ends(w, 'e') && (at >= p2 || (at >= p1 && !shortSyllable(w, at)))) return w.slice(0, at);
    if (ends(w, 'l') && at >= p2 && w[at - 1] === 'l') return w.slice(0, at);
    return w;
  }
  return function (word) {
    if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, word)) return EXCEPTIONS[word];
    if (word.length < 3) return word;
    // Prelude: a y that begins the word or follows a vowel is a consonant (Y).
    var w = '';
    for (var i = 0; i < word.length; i++) {
      var c = word[i];
      w += c === 'y' && (i === 0 || vowel(w[i - 1])) ? 'Y' : c;
    }
    var p1 = -1;
    PREFIXES.forEach(function (p) { if (w.indexOf(p) === 0) p1 = p.length; });
    if (p1 < 0) p1 = region(w, 0);
    var p2 = region(w, p1);
    w = step1a(w);
    if (AFTER_1A.indexOf(w) < 0) {
      w = step1b(w, p1);
      w = step1c(w);
      w = step2(w, p1);
      w = step3(w, p1, p2);
      w = step4(w, p2);
      w = step5(w, p1, p2);
    }
    return w.replace(/Y/g, 'y');
  };
})();

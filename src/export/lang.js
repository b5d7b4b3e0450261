// relais phone page: the language picker and the translated cards (issue 17). The chosen
// language lives in this page's memory only: nothing is stored, nothing leaves the phone. The
// French stays on every page, under the translation: it is the reference.
// app.js calls relaisI18n(P, el, link) once, then home/entry/contact/results in each view.
function relaisI18n(P, el, link) {
  'use strict';
  var T = P.kb.translations || {}, LANGS = P.languages || [];
  var byLang = Object.create(null), contactsByLang = Object.create(null), cardsFr = Object.create(null);
  (T.entries || []).forEach(function (t) { (byLang[t.lang] = byLang[t.lang] || {})[t.id] = t; });
  (T.contacts || []).forEach(function (t) { (contactsByLang[t.lang] = contactsByLang[t.lang] || {})[t.id] = t; });
  (T.cards || []).forEach(function (c) { cardsFr[c.id] = c; });
  var current = byLang[P.initial_lang] ? P.initial_lang : 'fr', onChange = function () {};

  // The page's own words in each language (machine-written like the translations; the
  // French twin is always shown beside them).
  var UI = {
    fr: { questions: 'Pour la personne aidée', none: 'Pas de traduction dans cette langue : la version française suit.',
          french: 'Version française (elle fait foi)', found: 'Trouvé dans la traduction', language: 'Langue' },
    en: { questions: 'Questions in English', none: 'No English translation for this page: the French version follows.',
          french: 'French version (the reference)', found: 'Found in English', language: 'Language' },
    ar: { questions: 'أسئلة بالعربية', none: 'لا توجد ترجمة عربية لهذه الصفحة: النص الفرنسي أدناه.',
          french: 'النص الفرنسي (هو المرجع)', found: 'نتائج بالعربية', language: 'اللغة' },
    prs: { questions: 'سؤال\u200cها به دری', none: 'برای این صفحه ترجمهٔ دری وجود ندارد: متن فرانسوی در پایین است.',
           french: 'متن فرانسوی (معتبر است)', found: 'نتایج به دری', language: 'زبان' }
  };
  function ui(key) { return (UI[current] || UI.fr)[key]; }
  function meta(code) {
    for (var i = 0; i < LANGS.length; i++) if (LANGS[i].code === code) return LANGS[i];
    return null;
  }
  // A block in `code`, with its lang and dir attributes. Each number is isolated left to
  // right: in a right-to-left paragraph the browser would lay the groups of `+32 2 524 98 89`
  // out from right to left, and the number would read `89 98 524 2 +32`.
  function inLang(tag, cls, text, code) {
    var e = el(tag, cls), m = meta(code);
    e.lang = code;
    e.dir = m ? m.direction : 'ltr';
    if (text !== undefined) {
      var re = /\+?\d+(?:[ \u00a0.\/-]\d+)*/g, at = 0, hit;
      while ((hit = re.exec(text)) !== null) {
        e.appendChild(document.createTextNode(text.slice(at, hit.index)));
        var b = el('bdi', 'num', hit[0]);
        b.dir = 'ltr';
        e.appendChild(b);
        at = hit.index + hit[0].length;
      }
      e.appendChild(document.createTextNode(text.slice(at)));
    }
    return e;
  }
  function notices(t, m) {
    var box = el('div', 'tr-notice');
    var reviewed = t.status === 'reviewed' && t.by;
    box.appendChild(inLang('p', '', '⚠ ' + (reviewed ? m.reviewed_notice + ' (' + t.by + ')' : m.machine_notice), m.code));
    var fr = reviewed ? 'Traduction relue (' + t.by + ') — la version française fait foi'
      : 'Traduction automatique, non relue — la version française fait foi';
    box.appendChild(inLang('p', 'fr', '⚠ ' + fr, 'fr'));
    if (t.stale) box.appendChild(inLang('p', 'fr', '⚠ Traduction peut-être dépassée : le français a changé depuis le ' + t.date, 'fr'));
    return box;
  }

  // The picker, in the header: French and the languages that have translations.
  var header = document.querySelector('header');
  var select = el('select');
  select.id = 'lang';
  select.setAttribute('aria-label', 'Langue — Language — اللغة');
  LANGS.forEach(function (m) {
    if (m.code !== 'fr' && !byLang[m.code]) return;
    var o = el('option', '', m.code === 'fr' ? 'Français' : m.native + ' — ' + m.french);
    o.value = m.code;
    select.appendChild(o);
  });
  select.value = current;
  if (select.options.length > 1) header.appendChild(select);
  select.addEventListener('change', function () { current = select.value; onChange(); });

  // Words as compared: lower case, no accents, no Arabic short vowels or tatweel, one form of
  // alef, yeh, kaf and teh marbuta, no zero-width non-joiner.
  function fold(s) {
    return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640\u200c]/g, '')
      .replace(/[أإآ]/g, 'ا').replace(/[ىی]/g, 'ي').replace(/ک/g, 'ك').replace(/ة/g, 'ه');
  }
  // Search in the chosen language: every word of three letters or more found in the title
  // (3), the other ways to ask (2.5), the summary (2) or the card (1); at least half of the
  // words must be found.
  function searchIn(code, q) {
    var words = fold(q).split(/[\s،,.;:?!؟()«»"']+/).filter(function (w) { return w.length >= 3; });
    if (!words.length || !byLang[code]) return [];
    var hits = [];
    Object.keys(byLang[code]).forEach(function (id) {
      var t = byLang[code][id], fields = [[fold(t.title), 3], [fold((t.ask || []).join(' | ')), 2.5], [fold(t.summary), 2], [fold(t.card || ''), 1]];
      var score = 0, found = 0;
      words.forEach(function (w) {
        var best = 0;
        fields.forEach(function (f) { if (f[0].indexOf(w) >= 0 && f[1] > best) best = f[1]; });
        score += best; found += best ? 1 : 0;
      });
      if (found * 2 >= words.length) hits.push({ id: id, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score || (a.id < b.id ? -1 : 1); });
    return hits.map(function (h) { return h.id; });
  }

  function item(id, t, code) {
    var li = el('li');
    li.appendChild(link('#e/' + id, '', [inLang('strong', '', t.title, code), inLang('span', 'sum', t.summary, code)]));
    return li;
  }

  return {
    lang: function () { return current; },
    onChange: function (f) { onChange = f; },
    search: searchIn,
    home: function (view) {
      if (current === 'fr' || !byLang[current]) return;
      var m = meta(current), sec = inLang('section', 'tr', undefined, current);
      sec.appendChild(inLang('h2', '', ui('questions'), current));
      var ul = el('ul', 'list');
      P.kb.entries.forEach(function (e) { if (byLang[current][e.id]) ul.appendChild(item(e.id, byLang[current][e.id], current)); });
      sec.appendChild(ul);
      sec.appendChild(notices({ status: 'machine' }, m));
      view.appendChild(sec);
      view.appendChild(inLang('h2', 'fr-head', UI.fr.french, 'fr'));
    },
    results: function (view, q) {
      if (current === 'fr') return;
      var ids = searchIn(current, q);
      if (!ids.length) return;
      var sec = inLang('section', 'tr', undefined, current);
      sec.appendChild(inLang('h2', '', ui('found'), current));
      var ol = el('ol', 'results');
      ids.slice(0, 10).forEach(function (id) { ol.appendChild(item(id, byLang[current][id], current)); });
      sec.appendChild(ol);
      view.appendChild(sec);
    },
    entry: function (view, id) {
      var m = meta(current), card = cardsFr[id];
      if (current === 'fr') {
        if (card) {
          var fr = inLang('section', 'tr card-fr', undefined, 'fr');
          fr.appendChild(el('h3', '', UI.fr.questions));
          card.card.split('\n').forEach(function (l) { if (l.trim()) fr.appendChild(el('p', '', l)); });
          view.appendChild(fr);
        }
        return;
      }
      var t = byLang[current] && byLang[current][id];
      if (!t) {
        view.appendChild(inLang('p', 'stale', ui('none'), current));
        if (current !== 'fr') view.appendChild(inLang('p', 'stale', UI.fr.none, 'fr'));
        return;
      }
      var sec = inLang('section', 'tr', undefined, current);
      sec.appendChild(inLang('h2', '', t.title, current));
      sec.appendChild(notices(t, m));
      sec.appendChild(inLang('p', 'summary', t.summary, current));
      if (t.card) {
        var c = inLang('div', 'tr-card', undefined, current);
        t.card.split('\n').forEach(function (l) { if (l.trim()) c.appendChild(inLang('p', '', l, current)); });
        sec.appendChild(c);
      }
      view.appendChild(sec);
      view.appendChild(inLang('h2', 'fr-head', ui('french') + (current === 'fr' ? '' : ' — ' + UI.fr.french), current));
    },
    contact: function (view, id) {
      var t = contactsByLang[current] && contactsByLang[current][id];
      if (current === 'fr' || !t) return;
      var sec = inLang('section', 'tr', undefined, current);
      sec.appendChild(inLang('p', '', t.description, current));
      sec.appendChild(notices(t, meta(current)));
      view.appendChild(sec);
    }
  };
}

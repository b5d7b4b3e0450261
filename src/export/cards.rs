//! Printed cards for the people helped (`relais export --format html --cards [--lang ar,en]`):
//! one A5 page per entry and language, the French card beside its translation so that the
//! volunteer knows what they hand over, with the contact's number and its QR code, the date and
//! how the translation was made. Black on white, borders rather than colours: it photocopies.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::{data_line, escape, html};
use crate::kb::i18n::facts::{Kind, facts};
use crate::kb::i18n::{Direction, Language, Translation, language};
use crate::kb::{Contact, Entry, KnowledgeBase};
use crate::strings as s;

const CARDS_CSS: &str = "@page { size: A5; margin: 7mm; }
html { color: #000; background: #fff; }
body { font: 9pt/1.3 \"DejaVu Sans\", \"Noto Sans\", Arial, sans-serif; margin: 0; }
section.card { break-after: page; page-break-after: always; break-inside: avoid; }
section.card:last-child { break-after: auto; page-break-after: auto; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 0 4mm; }
.cols.one { grid-template-columns: 1fr; font-size: 10.5pt; }
.side + .side { border-left: 0.75pt solid #000; padding-left: 4mm; }
.side[dir=\"rtl\"] { text-align: right; font-size: 9.5pt; }
.lang { font-size: 7pt; text-transform: uppercase; letter-spacing: .05em; margin: 0 0 1mm; }
h2 { font-size: 11pt; line-height: 1.2; margin: 0 0 1.5mm; }
.side p { margin: 0 0 1.2mm; }
.notice { border: 1.2pt solid #000; padding: 1mm 1.5mm; font-size: 7.5pt; font-weight: bold; }
bdi.num { white-space: nowrap; }
.contacts { display: flex; gap: 4mm; border-top: 1pt solid #000; margin-top: 2mm; padding-top: 1.5mm; }
.contact { display: flex; gap: 2mm; align-items: center; font-size: 8pt; }
.contact svg { width: 18mm; height: 18mm; flex: none; }
.contact .num { font-size: 11pt; font-weight: bold; white-space: nowrap; }
.foot { font-size: 6.5pt; margin: 1.5mm 0 0; }
.long { font-size: 8pt; } .long .side[dir=\"rtl\"] { font-size: 8.5pt; } .long h2 { font-size: 10pt; }
.longer { font-size: 7.4pt; } .longer .side[dir=\"rtl\"] { font-size: 7.8pt; } .longer h2 { font-size: 9.5pt; }
";

/// One page: an entry in French and, when given, in one other language.
struct Card<'a> {
    entry: &'a Entry,
    french: &'a str,
    translation: Option<(&'a Translation, &'static Language)>,
}

/// The cards of `entries` (those without a French card are skipped) in `langs` (each card
/// French beside one language; French alone when `langs` is empty or only French). Returns the
/// page and the ids left out, with why.
#[must_use]
pub fn render(
    kb: &KnowledgeBase,
    entries: &[&Entry],
    langs: &[&'static Language],
    today: Date,
) -> (String, Vec<String>) {
    let mut cards = Vec::new();
    let mut skipped = Vec::new();
    let others: Vec<&'static Language> = langs.iter().copied().filter(|l| l.code != "fr").collect();
    for e in entries {
        let Some(french) = kb.french_card(&e.id) else {
            skipped.push(format!("{} (pas de carte française)", e.id));
            continue;
        };
        if others.is_empty() {
            cards.push(Card {
                entry: e,
                french: &french.card,
                translation: None,
            });
        }
        for lang in &others {
            match kb.translation(&e.id, lang.code) {
                Some(t) if t.card.is_some() => cards.push(Card {
                    entry: e,
                    french: &french.card,
                    translation: Some((t, lang)),
                }),
                _ => skipped.push(format!("{} (pas de carte en {})", e.id, lang.french)),
            }
        }
    }
    let mut out = String::new();
    let title = format!(
        "{} — cartes pour la personne aidée",
        kb.meta.title.as_deref().unwrap_or("relais")
    );
    html::head(&mut out, &title, html::CSP_PRINT, CARDS_CSS);
    out.push_str("<body>\n");
    for card in &cards {
        page(&mut out, kb, card, today);
    }
    out.push_str("</body>\n</html>\n");
    (out, skipped)
}

fn page(out: &mut String, kb: &KnowledgeBase, card: &Card<'_>, today: Date) {
    let e = card.entry;
    let cols = if card.translation.is_some() {
        "cols"
    } else {
        "cols one"
    };
    // A long card is set smaller so that it keeps to its page.
    let length = e.title.chars().count()
        + card.french.chars().count()
        + card.translation.map_or(0, |(t, _)| {
            t.title.chars().count() + t.card.as_deref().unwrap_or_default().chars().count()
        });
    let size = match length {
        0..1_450 => "",
        1_450..1_750 => " long",
        _ => " longer",
    };
    let _ = writeln!(
        out,
        "<section class=\"card{size}\" id=\"{}\">",
        escape(&e.id)
    );
    let _ = writeln!(out, "<div class=\"{cols}\">");
    let mut french_notices = vec![s::NOT_LEGAL_ADVICE.to_owned()];
    if let Some((t, lang)) = card.translation {
        let (_, notice_fr) = t.provenance.notices(lang);
        french_notices.push(format!(
            "{} ({}) : {notice_fr}",
            capitalized(lang.french),
            lang.native
        ));
        if t.provenance.stale {
            french_notices
                .push("Traduction peut-être dépassée : le français a changé depuis".to_owned());
        }
    }
    if let Some(fr) = language("fr") {
        side(out, fr, &e.title, card.french, &french_notices);
    }
    if let Some((t, lang)) = card.translation {
        let (notice, _) = t.provenance.notices(lang);
        side(
            out,
            lang,
            &t.title,
            t.card.as_deref().unwrap_or_default(),
            &[notice],
        );
    }
    out.push_str("</div>\n");
    contacts(out, kb, e, today);
    let mark = card.translation.map_or_else(String::new, |(t, lang)| {
        let (_, notice_fr) = t.provenance.notices(lang);
        format!(
            " · {} : {notice_fr}, texte du {}",
            lang.french, t.provenance.date
        )
    });
    let _ = writeln!(
        out,
        "<p class=\"foot\" lang=\"fr\">{} · {}{} · imprimé le {today}</p>\n</section>",
        escape(&e.id),
        escape(&data_line(kb)),
        escape(&mark)
    );
}

/// One column: the language's name, the title, the card's sentences and the notices.
fn side(out: &mut String, lang: &Language, title: &str, card: &str, notices: &[String]) {
    let _ = writeln!(
        out,
        "<div class=\"side\" lang=\"{}\" dir=\"{}\">",
        lang.code,
        lang.direction.as_str()
    );
    let _ = writeln!(out, "<p class=\"lang\">{}</p>", escape(lang.native));
    let text = |t: &str| {
        if lang.direction == Direction::Rtl {
            isolate_numbers(t)
        } else {
            escape(t)
        }
    };
    let _ = writeln!(out, "<h2>{}</h2>", text(title));
    for line in card.lines().filter(|l| !l.trim().is_empty()) {
        let _ = writeln!(out, "<p>{}</p>", text(line.trim()));
    }
    for n in notices {
        let _ = writeln!(out, "<p class=\"notice\">{}</p>", escape(n));
    }
    out.push_str("</div>\n");
}

/// The first two contacts of the entry that have a phone number: name, number, QR code.
fn contacts(out: &mut String, kb: &KnowledgeBase, e: &Entry, today: Date) {
    let with_phone: Vec<&Contact> = e
        .contacts
        .iter()
        .filter_map(|id| kb.contact(id))
        .filter(|c| !c.phone.is_empty())
        .take(2)
        .collect();
    if with_phone.is_empty() {
        return;
    }
    out.push_str("<div class=\"contacts\">\n");
    for c in with_phone {
        let phone = &c.phone[0];
        let uri = crate::render::qr::tel_uri(phone);
        let svg =
            crate::render::qr::svg(&uri, &format!("{} {phone}", s::QR_LABEL)).unwrap_or_default();
        let _ = writeln!(
            out,
            "<div class=\"contact\">{svg}<div><div>{}</div><div class=\"num\">{}</div>{}</div></div>",
            escape(&c.name),
            escape(phone),
            // The warning goes with the number (in French: the volunteer's language).
            crate::render::warning::mark(c, today).map_or(String::new(), |m| format!(
                "<div lang=\"fr\">⚠ {}</div>",
                escape(&m)
            ))
        );
    }
    out.push_str("</div>\n");
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// `text` escaped, each number in `<bdi dir="ltr">`: in a right-to-left paragraph the browser
/// would otherwise lay the groups of `+32 2 524 98 89` out from right to left, and the number
/// would read `89 98 524 2 +32`.
#[must_use]
pub fn isolate_numbers(text: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    for fact in facts(text).into_iter().filter(|f| f.kind == Kind::Number) {
        if fact.offset < at {
            continue;
        }
        let len: usize = text[fact.offset..]
            .chars()
            .take(fact.text.chars().count())
            .map(char::len_utf8)
            .sum();
        out.push_str(&escape(&text[at..fact.offset]));
        let _ = write!(
            out,
            "<bdi class=\"num\" dir=\"ltr\">{}</bdi>",
            escape(&text[fact.offset..fact.offset + len])
        );
        at = fact.offset + len;
    }
    out.push_str(&escape(&text[at..]));
    out
}

#[cfg(test)]
mod tests {
    use super::isolate_numbers;

    #[test]
    fn numbers_are_isolated_left_to_right() {
        assert_eq!(
            isolate_numbers("اتصل بالرقم +32 2 524 98 89 أو 112 <"),
            "اتصل بالرقم <bdi class=\"num\" dir=\"ltr\">+32 2 524 98 89</bdi> أو \
             <bdi class=\"num\" dir=\"ltr\">112</bdi> &lt;"
        );
        assert_eq!(isolate_numbers("sans chiffre"), "sans chiffre");
    }
}

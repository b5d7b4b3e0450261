//! Words of a translation or of a query in another language than French: Latin words folded
//! like the French index (case, accents), Arabic-script words normalised the way people type
//! them (no short vowels or tatweel, one alef, one ya, one kaf, ta marbuta as ha) and lightly
//! stemmed (the article and common endings), English words stemmed by Snowball English.
//! Ethiopic (Tigrinya) words are kept as they are.

use std::collections::HashSet;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

/// True for a letter of the Arabic script (Arabic, Dari, Pashto).
fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// One Arabic-script character as it is compared: `None` to drop it (short vowels, shadda,
/// sukun, dagger alef, tatweel), a separator for punctuation, otherwise its plain form.
fn arabic_char(c: char) -> Option<char> {
    match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' => None,
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ى' | 'ی' | 'ې' | 'ۍ' | 'ئ' => Some('ي'),
        'ک' | 'ڪ' => Some('ك'),
        'ة' | 'ۀ' | 'ہ' | 'ە' => Some('ه'),
        'ؤ' => Some('و'),
        '٠'..='٩' => char::from_digit(u32::from(c) - u32::from('٠'), 10),
        '۰'..='۹' => char::from_digit(u32::from(c) - u32::from('۰'), 10),
        c if c.is_alphabetic() => Some(c),
        _ => Some(' '),
    }
}

/// The words of `text`, folded but not stemmed.
#[must_use]
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut push = |word: &mut String| {
        if !word.is_empty() {
            out.push(std::mem::take(word));
        }
    };
    for c in text.chars() {
        if is_arabic(c) {
            match arabic_char(c) {
                None => {}
                Some(' ') => push(&mut word),
                Some(a) => word.push(a),
            }
        } else if c.is_alphanumeric() && !c.is_ascii() && !('\u{00C0}'..='\u{024F}').contains(&c) {
            // Ethiopic and other scripts: as typed, lower case where it has one.
            word.extend(c.to_lowercase());
        } else if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            } else {
                push(&mut word);
            }
        } else {
            let folded = super::super::fold::fold(&c.to_string());
            let mut any = false;
            for f in folded.chars() {
                if f.is_ascii_alphanumeric() {
                    word.push(f);
                    any = true;
                } else {
                    push(&mut word);
                }
            }
            if !any && !c.is_alphanumeric() {
                push(&mut word);
            }
        }
    }
    push(&mut word);
    out
}

/// Words too common to say anything, in the languages translations are written in (and the
/// French articles their organisation names keep).
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "is",
    "are",
    "be",
    "am",
    "i",
    "my",
    "me",
    "you",
    "your",
    "he",
    "she",
    "it",
    "we",
    "they",
    "his",
    "her",
    "its",
    "our",
    "their",
    "can",
    "do",
    "does",
    "how",
    "what",
    "where",
    "when",
    "who",
    "which",
    "there",
    "this",
    "that",
    "these",
    "from",
    "if",
    "as",
    "so",
    "not",
    "no",
    "will",
    "would",
    "should",
    "get",
    "have",
    "has",
    "need",
    "want",
    "please",
    // More English auxiliaries, pronouns, question words and the pieces apostrophes leave
    // (« I'm », « don't »), and what people type around a question (« pls », « hi »).
    "was",
    "were",
    "been",
    "being",
    "did",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "why",
    "whom",
    "whose",
    "him",
    "them",
    "us",
    "u",
    "ur",
    "someone",
    "somebody",
    "something",
    "anyone",
    "anybody",
    "anything",
    "any",
    "some",
    "about",
    "into",
    "but",
    "also",
    "just",
    "very",
    "than",
    "then",
    "m",
    "ve",
    "ll",
    "re",
    "don",
    "dont",
    "doesn",
    "didn",
    "isn",
    "cant",
    "cannot",
    "im",
    "pls",
    "plz",
    "hi",
    "hello",
    "thanks",
    "thank",
    "de",
    "la",
    "le",
    "les",
    "du",
    "des",
    "d",
    "l",
    "et",
    "s",
    "t",
    "في",
    "من",
    "على",
    "الى",
    "عن",
    "او",
    "و",
    "هل",
    "ما",
    "اين",
    "كيف",
    "لا",
    "مع",
    "هذه",
    "هذا",
    "ان",
    "انا",
    "لي",
    "به",
    "ايا",
    "در",
    "از",
    "به",
    "با",
    "که",
    "را",
    "این",
    "آن",
    "کجا",
    "چگونه",
    "و",
    "يا",
    "دي",
    "په",
    "له",
    "ته",
    "چې",
];

/// True for a number of one or two digits: in a summary or a card, a piece of a phone number or
/// an hour (`+32 2 524 98 89`, `9 h`) rather than what the text is about.
#[must_use]
pub fn is_small_number(word: &str) -> bool {
    word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit())
}

static FOLDED: LazyLock<HashSet<String>> =
    LazyLock::new(|| STOP.iter().flat_map(|s| words(s)).collect());

/// True when `word` (folded) is a stop word.
#[must_use]
pub fn is_stop(word: &str) -> bool {
    FOLDED.contains(word)
}

/// The stop words, folded, sorted (for the phone page).
#[must_use]
pub fn stop_words() -> Vec<String> {
    let mut out: Vec<String> = FOLDED.iter().cloned().collect();
    out.sort_unstable();
    out
}

pub(crate) const AR_PREFIXES: &[&str] = &["وال", "بال", "كال", "فال", "لل", "ال"];
pub(crate) const AR_SUFFIXES: &[&str] = &["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي", "ا"];

fn arabic_stem(word: &str) -> String {
    let len = |s: &str| s.chars().count();
    let mut w = word;
    for p in AR_PREFIXES {
        if let Some(rest) = w.strip_prefix(p)
            && len(rest) >= 2
        {
            w = rest;
            break;
        }
    }
    if len(w) >= 4
        && let Some(rest) = w.strip_prefix('و')
    {
        w = rest;
    }
    for _ in 0..2 {
        match AR_SUFFIXES
            .iter()
            .find_map(|s| w.strip_suffix(s).filter(|rest| len(rest) >= 3))
        {
            Some(rest) => w = rest,
            None => break,
        }
    }
    w.to_owned()
}

/// Snowball English (`rust-stemmers`) for a Latin-script word of four letters or more without
/// digits: `deported` and `deportation` meet, `lorries` meets `lorry`. Shorter words (`id`,
/// `uk`, `sim`) and numbers (`9ter`, `112`) are their own stems. Words from French names kept
/// in the translations (`CPAS`, `Fedasil`) are stemmed the same way in the query, so they still
/// meet.
fn english_stem(word: &str) -> String {
    static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));
    if word.len() < 4 || word.bytes().any(|b| b.is_ascii_digit()) {
        return word.to_owned();
    }
    STEMMER.stem(word).into_owned()
}

/// The form a folded word is indexed and looked up under.
#[must_use]
pub fn stem(word: &str) -> String {
    if word.chars().next().is_some_and(is_arabic) {
        arabic_stem(word)
    } else if word.is_ascii() {
        english_stem(word)
    } else {
        word.to_owned()
    }
}

/// The meaningful words of `text`, stemmed.
#[must_use]
pub fn terms(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !is_stop(w))
        .map(|w| stem(&w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_is_folded_the_way_people_type_it() {
        // Short vowels, tatweel and the hamza forms of alef do not count.
        assert_eq!(words("مُحَامٍ"), words("محام"));
        assert_eq!(words("مـحـامي"), words("محامي"));
        assert_eq!(words("أين"), vec!["اين".to_owned()]);
        // The article and the endings are stripped: « محامي », « المحامي », « محاميًا » meet.
        assert_eq!(terms("محامي"), terms("المحامي"));
        assert_eq!(terms("محامي"), terms("محاميًا"));
        assert_eq!(terms("محامي"), terms("محامٍ"));
        assert!(terms("في").is_empty());
        // Arabic digits are digits: numbers stay comparable.
        assert_eq!(words("١١٢"), vec!["112".to_owned()]);
    }

    #[test]
    fn english_words_meet_their_plurals_and_french_accents_fold() {
        assert_eq!(terms("lawyers"), terms("lawyer"));
        assert_eq!(terms("Doctors"), vec!["doctor".to_owned()]);
        assert_eq!(terms("where is the doctor"), vec!["doctor".to_owned()]);
        assert_eq!(words("Cité l'aide"), vec!["cite", "l", "aide"]);
        assert_eq!(words("ትግርኛ ሓገዝ"), vec!["ትግርኛ", "ሓገዝ"]);
    }

    #[test]
    fn snowball_english_joins_the_forms_of_a_word_and_keeps_short_words_and_numbers() {
        assert_eq!(terms("deported"), terms("deportation"));
        assert_eq!(terms("lorries"), terms("lorry"));
        assert_eq!(terms("hosting"), terms("host"));
        assert_eq!(terms("threatened"), terms("threaten"));
        assert_eq!(terms("uk id sim"), vec!["uk", "id", "sim"]);
        assert_eq!(terms("9ter"), vec!["9ter"]);
    }

    #[test]
    fn english_question_words_and_the_pieces_of_apostrophes_say_nothing() {
        assert_eq!(terms("I'm sure he didn't"), terms("sure"));
        assert_eq!(terms("why was he arrested"), terms("arrested"));
        // « help » says what is wanted (« how can I help », a volunteer's question): it stays.
        assert_eq!(terms("pls can someone help me"), terms("help"));
        assert!(!terms("how can I help").is_empty());
    }
}

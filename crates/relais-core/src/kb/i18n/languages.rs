//! The languages relais can hold translations in: their codes, names, reading direction and
//! the notices shown with a translation, in the language itself and in French.

use serde::{Deserialize, Serialize};

/// Reading direction of a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ltr => "ltr",
            Self::Rtl => "rtl",
        }
    }
}

/// A language relais can hold translations in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Language {
    /// The folder name under `data/i18n/` and the value of `--lang` (ISO 639).
    pub code: &'static str,
    /// Its name in French (« arabe »).
    pub french: &'static str,
    /// Its name in itself (« العربية »).
    pub native: &'static str,
    pub direction: Direction,
    /// « Traduction automatique, non relue — la version française fait foi », in this language.
    pub machine_notice: &'static str,
    /// « Traduction relue par … — la version française fait foi », in this language, before the
    /// reviewer's name.
    pub reviewed_notice: &'static str,
}

/// The French notice shown with every machine translation, besides its own language's.
pub const MACHINE_NOTICE_FR: &str =
    "Traduction automatique, non relue — la version française fait foi";

/// The French notice of a translation a named person checked (their name follows).
pub const REVIEWED_NOTICE_FR: &str = "Traduction relue — la version française fait foi";

/// The French warning of a translation older than its French text.
pub const STALE_NOTICE_FR: &str = "traduction peut-être dépassée";

/// French, the reference, then the languages translations may be written in.
pub const LANGUAGES: [Language; 6] = [
    Language {
        code: "fr",
        french: "français",
        native: "français",
        direction: Direction::Ltr,
        machine_notice: MACHINE_NOTICE_FR,
        reviewed_notice: REVIEWED_NOTICE_FR,
    },
    Language {
        code: "en",
        french: "anglais",
        native: "English",
        direction: Direction::Ltr,
        machine_notice: "Machine translation, not reviewed — the French version is the reference",
        reviewed_notice: "Reviewed translation — the French version is the reference",
    },
    Language {
        code: "ar",
        french: "arabe",
        native: "العربية",
        direction: Direction::Rtl,
        machine_notice: "ترجمة آلية لم يراجعها أحد — النص الفرنسي هو المرجع",
        reviewed_notice: "ترجمة تمت مراجعتها — النص الفرنسي هو المرجع",
    },
    Language {
        code: "prs",
        french: "dari",
        native: "دری",
        direction: Direction::Rtl,
        machine_notice: "ترجمهٔ ماشینی، بازبینی نشده — متن فرانسوی معتبر است",
        reviewed_notice: "ترجمهٔ بازبینی‌شده — متن فرانسوی معتبر است",
    },
    Language {
        code: "ps",
        french: "pachto",
        native: "پښتو",
        direction: Direction::Rtl,
        machine_notice: "ماشيني ژباړه، نه ده کتل شوې — فرانسوي متن معتبر دی",
        reviewed_notice: "کتل شوې ژباړه — فرانسوي متن معتبر دی",
    },
    Language {
        code: "ti",
        french: "tigrinya",
        native: "ትግርኛ",
        direction: Direction::Ltr,
        machine_notice: "ብማሽን ዝተተርጎመ፡ ዘይተመርመረ — እቲ ናይ ፈረንሳ ጽሑፍ እዩ መወከሲ",
        reviewed_notice: "ዝተመርመረ ትርጉም — እቲ ናይ ፈረንሳ ጽሑፍ እዩ መወከሲ",
    },
];

/// The language of `code` (`fr`, `en`, `ar`, `prs`, `ps`, `ti`), case and spaces ignored.
#[must_use]
pub fn language(code: &str) -> Option<&'static Language> {
    let code = code.trim().to_ascii_lowercase();
    LANGUAGES.iter().find(|l| l.code == code)
}

/// The codes relais knows, for messages: « fr, en, ar, prs, ps, ti ».
#[must_use]
pub fn known_codes() -> String {
    LANGUAGES.map(|l| l.code).join(", ")
}

//! Generated knowledge bases in the real schema, for benchmarks: French vocabulary, questions
//! as titles, answers of a few hundred words, keywords, contacts and synonyms. Deterministic
//! (a fixed xorshift generator), so every run measures the same data.

#![allow(dead_code)] // each user (benches, example) takes a part

use std::fmt::Write as _;

use relais::kb::{Audience, Category, Contact, Entry, KnowledgeBase, Meta, Source};

/// Words used to write the generated text: the vocabulary of the domain and everyday French.
const WORDS: &[&str] = &[
    "hébergement",
    "hébergeur",
    "héberger",
    "logement",
    "accueil",
    "accueillir",
    "migrant",
    "migrants",
    "transit",
    "exilé",
    "réfugié",
    "demandeur",
    "asile",
    "protection",
    "séjour",
    "titre",
    "papiers",
    "irrégulier",
    "police",
    "contrôle",
    "arrestation",
    "détention",
    "centre",
    "fermé",
    "avocat",
    "juridique",
    "aide",
    "médicale",
    "urgente",
    "médecin",
    "santé",
    "soins",
    "hôpital",
    "pharmacie",
    "commune",
    "bourgmestre",
    "CPAS",
    "région",
    "wallonne",
    "Namur",
    "Liège",
    "Bruxelles",
    "province",
    "collectif",
    "citoyen",
    "solidaire",
    "bénévole",
    "association",
    "coordination",
    "subvention",
    "financement",
    "transport",
    "voiture",
    "chauffeur",
    "parking",
    "autoroute",
    "camion",
    "frontière",
    "Royaume-Uni",
    "Angleterre",
    "Dublin",
    "règlement",
    "empreintes",
    "procédure",
    "recours",
    "tribunal",
    "procès",
    "juge",
    "droit",
    "droits",
    "devoir",
    "risque",
    "amende",
    "prison",
    "délit",
    "solidarité",
    "crime",
    "famille",
    "enfant",
    "enfants",
    "mineur",
    "tuteur",
    "école",
    "scolarité",
    "inscription",
    "repas",
    "nourriture",
    "cuisine",
    "hygiène",
    "vêtements",
    "couverture",
    "froid",
    "hiver",
    "nuit",
    "tente",
    "camp",
    "campement",
    "démantèlement",
    "expulsion",
    "évacuation",
    "téléphone",
    "recharge",
    "internet",
    "carte",
    "numéro",
    "urgence",
    "appel",
    "permanence",
    "rendez-vous",
    "horaire",
    "adresse",
    "gare",
    "bus",
    "train",
    "billet",
    "trajet",
    "distance",
    "ville",
    "village",
    "quartier",
    "maison",
    "chambre",
    "lit",
    "douche",
    "lessive",
    "machine",
    "argent",
    "prêt",
    "don",
    "collecte",
    "stock",
    "entrepôt",
    "réseau",
    "formation",
    "session",
    "formateur",
    "présentation",
    "information",
    "brochure",
    "affiche",
    "traduction",
    "interprète",
    "langue",
    "arabe",
    "anglais",
    "tigrinya",
    "amharique",
    "soudanais",
    "érythréen",
    "éthiopien",
    "parcours",
    "voyage",
    "route",
    "Méditerranée",
    "Italie",
    "Grèce",
    "Libye",
    "passeur",
    "trafic",
    "exploitation",
    "violence",
    "blessure",
    "gale",
    "tuberculose",
    "fièvre",
    "toux",
    "douleur",
    "pieds",
    "dents",
    "psychologue",
    "stress",
    "sommeil",
    "écoute",
    "confiance",
    "respect",
    "dignité",
    "neutralité",
    "prudence",
    "discrétion",
    "secret",
    "témoignage",
    "photo",
    "vidéo",
    "réseaux",
    "sociaux",
    "presse",
    "journaliste",
    "politique",
    "ministre",
    "circulaire",
    "loi",
    "article",
    "arrêté",
    "décision",
    "ordre",
    "quitter",
    "territoire",
    "office",
    "étrangers",
    "commissariat",
    "général",
    "statut",
    "apatride",
    "regroupement",
    "visa",
    "passeport",
    "identité",
    "document",
    "attestation",
    "certificat",
    "formulaire",
    "déclaration",
    "annexe",
    "dossier",
    "preuve",
    "délai",
    "mois",
    "semaine",
    "jour",
    "heure",
    "matin",
    "soir",
    "week-end",
    "lundi",
    "vendredi",
    "gratuit",
    "payant",
    "possible",
    "interdit",
    "autorisé",
    "obligatoire",
    "conseillé",
    "utile",
    "simple",
    "rapide",
    "long",
    "difficile",
    "nouveau",
    "ancien",
    "premier",
    "dernier",
    "seul",
    "ensemble",
    "souvent",
    "parfois",
    "jamais",
    "toujours",
    "demander",
    "savoir",
    "trouver",
    "aider",
    "donner",
    "prêter",
    "conduire",
    "emmener",
    "accompagner",
    "signaler",
    "appeler",
    "écrire",
    "remplir",
    "envoyer",
    "attendre",
    "refuser",
    "accepter",
    "protéger",
    "informer",
    "expliquer",
    "orienter",
    "préparer",
    "organiser",
    "partager",
    "recevoir",
    "dormir",
    "manger",
    "laver",
    "soigner",
    "payer",
    "vérifier",
    "contacter",
    "rencontrer",
    "écouter",
    "comprendre",
];

/// Small words that make the text read as French (and exercise the stop words).
const GLUE: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "ou", "à", "au", "en", "pour", "que",
    "qui", "est", "avec", "sans", "dans", "sur", "par", "l'", "d'", "ne", "pas", "peut", "doit",
    "il", "elle", "on", "nous", "vous", "ils", "leur", "cette", "ce", "son", "sa",
];

const QUESTIONS: &[&str] = &[
    "Comment",
    "Puis-je",
    "Que faire si",
    "Qui contacter pour",
    "Quels sont",
    "Peut-on",
    "Où trouver",
    "Faut-il",
    "Quand",
];

/// The Walloon and Brussels regions of the schema (the first six of `kb::REGIONS`, without
/// "wallonie" and "belgique").
const REGIONS: &[&str] = relais::kb::REGIONS.split_at(6).0;

/// A xorshift64* generator: enough randomness for text, same sequence every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A word, the frequent ones (start of the list) more often, as in real text.
    pub fn word(&mut self) -> &'static str {
        let a = self.below(WORDS.len());
        let b = self.below(WORDS.len());
        WORDS[a.min(b)]
    }

    fn glue(&mut self) -> &'static str {
        GLUE[self.below(GLUE.len())]
    }
}

/// A sentence of `min` to `min + spread - 1` words, two in five of them small words.
fn sentence(rng: &mut Rng, min: usize, spread: usize) -> String {
    let n = min + rng.below(spread);
    let mut s = String::new();
    for i in 0..n {
        let w = if rng.below(5) < 2 {
            rng.glue()
        } else {
            rng.word()
        };
        if i > 0 && !s.ends_with('\'') {
            s.push(' ');
        }
        if i == 0 {
            let mut c = w.chars();
            if let Some(first) = c.next() {
                s.extend(first.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

fn date(y: i16, m: i8, d: i8) -> jiff::civil::Date {
    jiff::civil::date(y, m, d)
}

fn source(i: usize) -> Source {
    Source {
        title: format!("Fiche d'information n° {i}"),
        url: Some(format!("https://exemple.be/fiches/{i}")),
        date: Some(date(2025, 3, 14).into()),
    }
}

fn entry(rng: &mut Rng, i: usize, contacts: usize) -> Entry {
    let q = QUESTIONS[rng.below(QUESTIONS.len())];
    let title_words: Vec<&str> = (0..4 + rng.below(5)).map(|_| rng.word()).collect();
    let title = format!("{q} {} ?", title_words.join(" "));
    let summary = (0..2)
        .map(|_| sentence(rng, 12, 10))
        .collect::<Vec<_>>()
        .join(" ");
    let mut answer = String::new();
    for p in 0..3 + rng.below(3) {
        if p > 0 {
            answer.push_str("\n\n");
        }
        let para: Vec<String> = (0..3 + rng.below(3))
            .map(|_| sentence(rng, 6, 10))
            .collect();
        answer.push_str(&para.join(" "));
    }
    let keywords = (0..3 + rng.below(4))
        .map(|_| rng.word().to_owned())
        .collect();
    let ask = (0..3).map(|_| sentence(rng, 5, 3)).collect();
    Entry {
        id: format!("entree-{i}"),
        title,
        ask,
        category: format!("categorie-{}", i % 8),
        audience: vec![Audience::Aidants],
        summary,
        answer,
        keywords,
        related: Vec::new(),
        contacts: vec![format!("contact-{}", i % contacts)],
        sources: vec![source(i)],
        reviewed: date(2026, 6, 1),
        slide: Vec::new(),
        notes: None,
    }
}

fn contact(rng: &mut Rng, i: usize) -> Contact {
    let name: Vec<&str> = (0..3 + rng.below(3)).map(|_| rng.word()).collect();
    Contact {
        id: format!("contact-{i}"),
        name: format!("Service {} {i}", name.join(" ")),
        ask: Vec::new(),
        description: sentence(rng, 20, 15),
        region: REGIONS[i % REGIONS.len()].to_owned(),
        topics: (0..3).map(|_| rng.word().to_owned()).collect(),
        phone: vec![format!(
            "081 {:02} {:02} {:02}",
            i % 100,
            (i / 100) % 100,
            17
        )],
        email: Some(format!("contact{i}@exemple.be")),
        website: Some(format!("https://exemple.be/contact/{i}")),
        address: Some(format!("Rue de la Gare {}, 5000 Namur", i % 200 + 1)),
        hours: Some("du lundi au vendredi, de 9 h à 17 h".to_owned()),
        notes: None,
        verified: Some(date(2026, 5, 2)),
        verified_by: Some(relais::kb::VerifiedBy::Telephone),
        sources: vec![source(i)],
    }
}

/// A knowledge base of `entries` entries (and one contact per twenty entries, at least ten).
pub fn knowledge_base(entries: usize) -> KnowledgeBase {
    let mut rng = Rng::new(0x5eed_0000 + entries as u64);
    let n_contacts = (entries / 20).max(10);
    let contacts: Vec<Contact> = (0..n_contacts).map(|i| contact(&mut rng, i)).collect();
    let entries = (0..entries)
        .map(|i| entry(&mut rng, i, n_contacts))
        .collect();
    let categories = (0..8)
        .map(|i| Category {
            id: format!("categorie-{i}"),
            title: format!("Catégorie {i}"),
            description: None,
        })
        .collect();
    let synonyms = [
        &["héberger", "loger", "hébergement", "logement"][..],
        &["police", "policier", "flic"],
        &["médecin", "docteur", "toubib"],
        &["argent", "sous", "fric"],
        &["voiture", "auto", "véhicule"],
        &["aide médicale urgente", "AMU"],
    ]
    .iter()
    .map(|g| g.iter().map(|w| (*w).to_owned()).collect())
    .collect();
    KnowledgeBase {
        meta: Meta {
            title: Some("Base générée".to_owned()),
            version: Some("1".to_owned()),
            date: Some(date(2026, 11, 27)),
            publisher: None,
            fallback_contacts: vec!["contact-0".to_owned(), "contact-1".to_owned()],
            ..Meta::default()
        },
        categories,
        entries,
        contacts,
        decks: Vec::new(),
        synonyms,
        families: vec![vec!["scolarité".to_owned(), "scolarisation".to_owned()]],
        colloquial: vec![
            ("jpeu".to_owned(), "je peux".to_owned()),
            ("qqn".to_owned(), "quelqu'un".to_owned()),
        ],
        translations: relais::kb::i18n::Translations::default(),
    }
}

fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| quoted(s)).collect();
    format!("[{}]", inner.join(", "))
}

/// `kb` as one YAML file in the format of `data/`.
pub fn to_yaml(kb: &KnowledgeBase) -> String {
    let mut y = head_yaml(kb);
    y.push_str(&entries_yaml(&kb.entries));
    y
}

/// `kb` as the files of a data folder: `base.yaml` (meta, categories, synonyms, contacts), then
/// `entries-NN.yaml` of `per_file` entries each.
pub fn to_yaml_files(kb: &KnowledgeBase, per_file: usize) -> Vec<(String, String)> {
    let mut files = vec![("base.yaml".to_owned(), head_yaml(kb))];
    for (i, chunk) in kb.entries.chunks(per_file.max(1)).enumerate() {
        files.push((format!("entries-{i:03}.yaml"), entries_yaml(chunk)));
    }
    files
}

fn head_yaml(kb: &KnowledgeBase) -> String {
    let mut y = String::new();
    let m = &kb.meta;
    let _ = writeln!(
        y,
        "meta:\n  title: {}\n  version: \"1\"\n  date: 2026-11-27",
        quoted(m.title.as_deref().unwrap_or(""))
    );
    let _ = writeln!(y, "  fallback_contacts: {}", list(&m.fallback_contacts));
    y.push_str("categories:\n");
    for c in &kb.categories {
        let _ = writeln!(y, "  - id: {}\n    title: {}", c.id, quoted(&c.title));
    }
    y.push_str("synonyms:\n");
    for g in &kb.synonyms {
        let _ = writeln!(y, "  - {}", list(g));
    }
    y.push_str("families:\n");
    for g in &kb.families {
        let _ = writeln!(y, "  - {}", list(g));
    }
    y.push_str("colloquial:\n");
    for (form, words) in &kb.colloquial {
        let _ = writeln!(y, "  - {}", list(&[form.clone(), words.clone()]));
    }
    y.push_str("contacts:\n");
    for c in &kb.contacts {
        let _ = writeln!(
            y,
            "  - id: {}\n    name: {}\n    description: {}\n    region: {}",
            c.id,
            quoted(&c.name),
            quoted(&c.description),
            c.region
        );
        let _ = writeln!(
            y,
            "    topics: {}\n    phone: {}",
            list(&c.topics),
            list(&c.phone)
        );
        for (k, v) in [
            ("email", &c.email),
            ("website", &c.website),
            ("address", &c.address),
            ("hours", &c.hours),
        ] {
            if let Some(v) = v {
                let _ = writeln!(y, "    {k}: {}", quoted(v));
            }
        }
        let _ = writeln!(y, "    verified: 2026-05-02");
        let _ = writeln!(y, "    verified_by: telephone");
        sources_yaml(&mut y, &c.sources);
    }
    y
}

fn entries_yaml(entries: &[Entry]) -> String {
    let mut y = String::from("entries:\n");
    for e in entries {
        let _ = writeln!(
            y,
            "  - id: {}\n    title: {}\n    category: {}\n    audience: [aidants]",
            e.id,
            quoted(&e.title),
            e.category
        );
        let _ = writeln!(y, "    summary: {}\n    answer: |", quoted(&e.summary));
        for line in e.answer.lines() {
            if line.is_empty() {
                y.push('\n');
            } else {
                let _ = writeln!(y, "      {line}");
            }
        }
        let _ = writeln!(
            y,
            "    ask: {}\n    keywords: {}\n    contacts: {}",
            list(&e.ask),
            list(&e.keywords),
            list(&e.contacts)
        );
        sources_yaml(&mut y, &e.sources);
        let _ = writeln!(y, "    reviewed: 2026-06-01");
    }
    y
}

fn sources_yaml(y: &mut String, sources: &[Source]) {
    y.push_str("    sources:\n");
    for s in sources {
        let _ = writeln!(y, "      - title: {}", quoted(&s.title));
        if let Some(url) = &s.url {
            let _ = writeln!(y, "        url: {}", quoted(url));
        }
        if let Some(d) = s.date {
            let _ = writeln!(y, "        date: {d}");
        }
    }
}

/// `kb` exported one document per line (title, keywords, summary, answer), for `fzf --filter`.
pub fn to_lines(kb: &KnowledgeBase) -> String {
    let mut out = String::new();
    for e in &kb.entries {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            e.id,
            e.title,
            e.keywords.join(", "),
            e.summary,
            e.answer.replace('\n', " ")
        );
    }
    for c in &kb.contacts {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}",
            c.id,
            c.name,
            c.topics.join(", "),
            c.description.replace('\n', " ")
        );
    }
    out
}

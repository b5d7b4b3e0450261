//! The command line, declared with clap: the doc comments below are the help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Base de connaissances hors ligne pour les citoyens qui aident les migrants en transit en
/// Wallonie. Sans sous-commande : ouvre l'interface plein écran.
///
/// Ce n'est pas un avis juridique : pour un cas précis, adressez-vous à un avocat (bureau
/// d'aide juridique), au Ciré ou au CAI.
#[derive(Debug, Parser)]
#[command(name = "relais", version, max_term_width = 100)]
pub struct Cli {
    /// Données à utiliser : un fichier YAML ou un dossier de fichiers YAML (sinon `RELAIS_DATA`,
    /// puis les données installées, puis les données intégrées).
    #[arg(long, global = true, value_name = "CHEMIN")]
    pub data: Option<PathBuf>,

    /// Couleurs dans la sortie (`NO_COLOR` est respecté en mode auto).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "QUAND")]
    pub color: ColorChoice,

    /// Thème de l'interface : defaut, contraste (projecteur, basse vision) ou mono.
    #[arg(long, global = true, value_enum, value_name = "THÈME")]
    pub theme: Option<crate::theme::ThemeName>,
    /// Avec show, search, list et export : montre aussi la traduction pour la personne aidée
    /// (en, ar, prs, ps, ti ; fr : les cartes françaises), puis toujours le français, qui fait
    /// foi. Plusieurs langues séparées par des virgules pour export --cards.
    #[arg(long, global = true, value_name = "CODE")]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Which kind of results a search returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindFilter {
    Faq,
    Contact,
    All,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Cherche dans les questions et les contacts (accents, majuscules et fautes de frappe
    /// tolérés). Code de sortie 1 si rien n'est trouvé.
    Search {
        /// Les mots cherchés.
        #[arg(required = true, value_name = "MOTS")]
        query: Vec<String>,
        /// Nombre maximum de résultats.
        #[arg(long, default_value_t = 10, value_name = "N")]
        limit: usize,
        /// Type de résultats.
        #[arg(long, value_enum, default_value_t = KindFilter::All)]
        kind: KindFilter,
        /// Sortie JSON : un tableau, meilleur résultat en premier.
        #[arg(long)]
        json: bool,
        /// Explique le score de chaque résultat (mots trouvés, champs, type de correspondance).
        #[arg(long)]
        explain: bool,
    },
    /// Affiche une question ou un contact en entier. Code 1 si l'identifiant est inconnu.
    Show {
        /// Identifiant (par exemple droits-hebergeur ou cai-namur).
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Liste les questions, par catégorie.
    List {
        /// Seulement cette catégorie.
        #[arg(long, value_name = "CATÉGORIE")]
        category: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Liste les contacts.
    Contacts {
        /// Seulement cette région (namur, luxembourg, liege, hainaut, brabant-wallon,
        /// bruxelles, wallonie, belgique, flandre : hors Wallonie).
        #[arg(long, value_name = "RÉGION")]
        region: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Liste les présentations (parcours de formation).
    Decks {
        #[arg(long)]
        json: bool,
    },
    /// Vérifie des données : toutes les erreurs, avec fichier, ligne et colonne.
    /// Code 2 si les données sont invalides.
    Check {
        /// Fichier ou dossier à vérifier (par défaut : les données actives).
        path: Option<PathBuf>,
        /// Traite aussi les avertissements comme des erreurs : entrée non relue depuis plus de
        /// 12 mois, contact vérifié il y a plus de 12 mois (à revérifier), date dans le futur…
        /// Un contact jamais vérifié (affiché avec sa source et sa date, « non vérifié ») et une
        /// entrée aux sources anciennes restent des notes : elles ne font pas échouer.
        #[arg(long)]
        strict: bool,
        /// N'affiche que les erreurs (la ligne de bilan compte quand même tout).
        #[arg(long)]
        errors_only: bool,
    },
    /// Liste ce qui est à relire : entrées et contacts trop anciens, puis ceux qui le seront
    /// bientôt, les plus anciens d'abord, avec fichier:ligne.
    Review {
        /// Fichier ou dossier (par défaut : les données actives).
        path: Option<PathBuf>,
        /// Délai : ce qui sera à relire d'ici là (8w = 8 semaines ; aussi 30d, 3m).
        #[arg(long, default_value = "8w", value_name = "DÉLAI")]
        within: String,
    },
    /// Écrit le schéma JSON du format des données (pour l'éditeur : yaml-language-server).
    Schema,
    /// Mesure la qualité de la recherche sur un jeu de requêtes (précision au rang 1, rappel
    /// à 5, MRR) et, pour les requêtes sans réponse (`covered: false`), combien de fois relais
    /// dit « Pas de réponse sûre ». Code 1 sous les seuils donnés.
    Eval {
        /// Fichier YAML : `queries: [{q: "...", expect: [id, ...]}]` ou, pour une question que
        /// nulle entrée ne traite, `{q: "...", covered: false, topic: "..."}`.
        file: PathBuf,
        #[arg(long)]
        json: bool,
        /// Précision au rang 1 minimale (entre 0 et 1).
        #[arg(long, value_name = "X")]
        min_p1: Option<f64>,
        /// Rappel à 5 minimal (entre 0 et 1).
        #[arg(long, value_name = "X")]
        min_r5: Option<f64>,
    },
    /// Présente un parcours de formation en plein écran (vidéoprojecteur, télécommande) :
    /// une question par diapositive. Sans PARCOURS : choisir dans la liste.
    Present {
        /// Identifiant du parcours (voir `relais decks`).
        #[arg(value_name = "PARCOURS")]
        deck: Option<String>,
        /// Vue orateur : suit, dans un second terminal, la présentation de ce parcours lancée
        /// ailleurs et montre la réponse complète, les sources et la diapositive suivante.
        /// Synchronisation locale par socket Unix (pas disponible sous Windows).
        #[arg(long, requires = "deck")]
        notes: bool,
    },
    /// Exporte pour le papier ou les téléphones : fiche Markdown, fiche HTML à imprimer (A4),
    /// page autonome pour téléphone (`--format html --app`) ou base complète en JSON.
    /// Sans sélection : toutes les questions. Code 1 si une sélection est inconnue.
    Export(ExportArgs),
    /// Gère les données installées (mise à jour par fichier ou clé USB, sans réseau).
    Data {
        #[command(subcommand)]
        action: DataAction,
    },
    /// Écrit le script de complétion pour un shell (voir le README pour l'installer).
    Completions {
        /// Le shell : bash, zsh, fish, powershell ou elvish.
        shell: clap_complete::Shell,
    },
    /// Écrit la page de manuel (man 1) de relais.
    Man,
}

/// Formats of `relais export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Html,
    Json,
    /// Les diapositives d'une présentation (--deck), en une page HTML autonome.
    Slides,
}

/// Arguments of `relais export`.
#[derive(Debug, clap::Args)]
#[allow(clippy::struct_excessive_bools)] // command-line flags, each on its own
pub struct ExportArgs {
    /// Format : md (Markdown), html (à imprimer, ou page pour téléphone avec --app), json,
    /// slides (les diapositives d'une présentation --deck, pour un navigateur).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: ExportFormat,
    /// Seulement les questions de cette présentation, dans son ordre.
    #[arg(long, value_name = "PRÉSENTATION", group = "selection")]
    pub deck: Option<String>,
    /// Seulement les questions de cette catégorie.
    #[arg(long, value_name = "CATÉGORIE", group = "selection")]
    pub category: Option<String>,
    /// Seulement ces questions ou contacts, séparés par des virgules.
    #[arg(
        long,
        value_name = "ID,ID…",
        value_delimiter = ',',
        group = "selection"
    )]
    pub ids: Vec<String>,
    /// Ajoute une fiche des contacts : ceux que citent les questions choisies, ou tous les
    /// contacts (et eux seuls) sans autre sélection.
    #[arg(long)]
    pub contacts: bool,
    /// Avec --format html --contacts : la fiche « contacts et QR » sur une seule page A4
    /// (nom, numéros, site, un code QR par contact).
    #[arg(long, requires = "contacts")]
    pub sheet: bool,
    /// Avec --format html : une page autonome pour téléphone (recherche, fiches, contacts,
    /// codes QR), sans aucune connexion, qui s'ouvre depuis un fichier.
    #[arg(long)]
    pub app: bool,
    /// Avec --format html : une carte A5 par question pour la personne aidée (celles marquées
    /// « migrants »), en français à côté de chaque langue de --lang, avec le numéro et son QR.
    #[arg(long)]
    pub cards: bool,
    /// Écrit dans ce fichier (par défaut : la sortie standard).
    #[arg(short, long, value_name = "FICHIER")]
    pub output: Option<PathBuf>,
}

/// Actions of `relais data`.
#[derive(Debug, Subcommand)]
pub enum DataAction {
    /// Vérifie la signature, puis les données, montre ce qui change et installe un paquet
    /// signé (`relais data pack`) ; les données précédentes sont gardées en sauvegarde. Code 2,
    /// sans rien changer, si le paquet est modifié, d'une clé inconnue ou invalide.
    Install {
        /// Paquet signé (ou, avec --allow-unsigned, un fichier YAML ou un dossier).
        #[arg(value_name = "PAQUET")]
        path: PathBuf,
        /// Installe même une version plus ancienne que celle installée, ou la même.
        #[arg(long)]
        force: bool,
        /// Accepte des données non signées ou signées par une clé inconnue : elles seront
        /// affichées « non signées » jusqu'à leur remplacement.
        #[arg(long)]
        allow_unsigned: bool,
        /// Installe sans demander de confirmation (pour les scripts).
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Montre ce qui change entre deux jeux de données : entrées et contacts ajoutés, retirés,
    /// modifiés champ par champ, et d'abord chaque téléphone, e-mail, adresse ou site changé.
    Diff {
        /// Dossier, fichier YAML, paquet, `installed` ou `bundled`.
        #[arg(value_name = "AVANT")]
        before: String,
        /// Dossier, fichier YAML, paquet, `installed` ou `bundled`.
        #[arg(value_name = "APRÈS")]
        after: String,
    },
    /// Crée une paire de clés pour signer des paquets : DOSSIER/NOM.key (secrète, protégée
    /// par un mot de passe) et DOSSIER/NOM.pub (publique, à distribuer).
    Keygen {
        /// Dossier où écrire les deux fichiers.
        #[arg(long, value_name = "DOSSIER")]
        out: PathBuf,
        /// Nom des fichiers.
        #[arg(long, default_value = "relais", value_name = "NOM")]
        name: String,
        /// Clé secrète sans mot de passe (déconseillé ; seulement sur une machine sûre).
        #[arg(long)]
        no_password: bool,
    },
    /// Vérifie des données comme `relais check`, puis écrit un paquet signé : un seul fichier
    /// à copier sur une clé USB. Code 2, sans rien écrire, si les données sont invalides.
    Pack {
        /// Dossier de fichiers YAML (avec, s'il y en a un, son queries.yaml).
        #[arg(value_name = "DOSSIER")]
        dir: PathBuf,
        /// La clé secrète (fichier .key de `relais data keygen`).
        #[arg(long, value_name = "CLÉ")]
        key: PathBuf,
        /// Le paquet à écrire.
        #[arg(short, long, value_name = "FICHIER")]
        output: PathBuf,
    },
    /// Vérifie un paquet : qui l'a signé (clé, éditeur), version et date. Code 0 si une clé
    /// de confiance l'a signé et qu'il est intact, 2 sinon.
    Verify {
        #[arg(value_name = "PAQUET")]
        file: PathBuf,
    },
    /// Gère les clés de confiance : ajoute une clé publique (fichier .pub ou sa ligne base64),
    /// les liste ou en retire une.
    Trust {
        /// La clé publique à ajouter.
        #[arg(value_name = "CLÉ_PUBLIQUE", required_unless_present_any = ["list", "remove"])]
        key: Option<String>,
        /// Liste les clés de confiance.
        #[arg(long, conflicts_with_all = ["key", "remove"])]
        list: bool,
        /// Retire la clé de confiance qui a cet identifiant.
        #[arg(long, value_name = "ID", conflicts_with = "key")]
        remove: Option<String>,
    },
    /// Indique les données utilisées : origine, version, date, nombres, entrées à relire.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Revient aux données installées précédemment (la sauvegarde).
    Restore,
    /// Revient aux données intégrées ; les données installées deviennent la sauvegarde.
    Reset,
}

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
        /// bruxelles, wallonie, belgique).
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
        /// Traite aussi les avertissements (entrées anciennes, contacts non vérifiés) comme
        /// des erreurs.
        #[arg(long)]
        strict: bool,
    },
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
}

/// Arguments of `relais export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Format : md (Markdown), html (à imprimer, ou page pour téléphone avec --app), json.
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
    /// Avec --format html : une page autonome pour téléphone (recherche, fiches, contacts,
    /// codes QR), sans aucune connexion, qui s'ouvre depuis un fichier.
    #[arg(long)]
    pub app: bool,
    /// Écrit dans ce fichier (par défaut : la sortie standard).
    #[arg(short, long, value_name = "FICHIER")]
    pub output: Option<PathBuf>,
}

/// Actions of `relais data`.
#[derive(Debug, Subcommand)]
pub enum DataAction {
    /// Vérifie entièrement puis installe des données (fichier ou dossier) ; les données
    /// précédentes sont gardées en sauvegarde. Code 2, sans rien changer, si elles sont
    /// invalides.
    Install {
        /// Fichier YAML ou dossier de fichiers YAML.
        #[arg(value_name = "CHEMIN")]
        path: PathBuf,
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

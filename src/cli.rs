//! The command line, declared with clap: the doc comments below are the help text.

use std::path::PathBuf;

use clap::{Args, FromArgMatches as _, Parser, Subcommand, ValueEnum};

mod data;
mod fr;
pub mod man;
pub use data::{
    DataAction, DataArgs, DiffArgs, InstallArgs, KeygenArgs, PackArgs, StatusArgs, TrustArgs,
    VerifyArgs,
};
pub use fr::{command, error_message};

/// Parses the process's arguments with the French command line.
///
/// # Errors
/// A usage error, or a request for the help or the version (see [`error_message`]).
pub fn parse() -> Result<Cli, clap::Error> {
    // Without any argument (the interface's start) there is nothing to parse, refuse or print:
    // the command line, a good part of the start's instructions, is not built.
    if std::env::args_os().len() <= 1 {
        return Ok(Cli::bare());
    }
    Cli::from_arg_matches(&command().try_get_matches()?)
}

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
    pub theme: Option<crate::tui::theme::ThemeName>,
    /// Avec show, search, list et export : montre aussi la traduction pour la personne aidée
    /// (en, ar, prs, ps, ti ; fr : les cartes françaises), puis toujours le français, qui fait
    /// foi. Plusieurs langues séparées par des virgules pour export --cards.
    #[arg(long, global = true, value_name = "CODE")]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// What the command line says without any argument: every option at its default, no
    /// subcommand (`cli_without_arguments_is_bare` checks it against clap).
    #[must_use]
    pub fn bare() -> Self {
        Self {
            data: None,
            color: ColorChoice::Auto,
            theme: None,
            lang: None,
            command: None,
        }
    }
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
    Search(SearchArgs),
    /// Affiche une question ou un contact en entier. Code 1 si l'identifiant est inconnu.
    Show(ShowArgs),
    /// Liste les questions, par catégorie.
    List(ListArgs),
    /// Liste les contacts.
    Contacts(ContactsArgs),
    /// Liste les présentations (parcours de formation).
    Decks(DecksArgs),
    /// Vérifie des données : toutes les erreurs, avec fichier, ligne et colonne.
    /// Code 2 si les données sont invalides.
    Check(CheckArgs),
    /// Liste ce qui est à relire : entrées et contacts trop anciens, puis ceux qui le seront
    /// bientôt, les plus anciens d'abord, avec fichier:ligne.
    Review(ReviewArgs),
    /// Écrit le schéma JSON du format des données (pour l'éditeur : yaml-language-server).
    Schema,
    /// Mesure la qualité de la recherche sur un jeu de requêtes (précision au rang 1, rappel
    /// à 5, MRR) et, pour les requêtes sans réponse (`covered: false`), combien de fois relais
    /// dit « Pas de réponse sûre ». Code 1 sous les seuils donnés.
    Eval(EvalArgs),
    /// Présente un parcours de formation en plein écran (vidéoprojecteur, télécommande) :
    /// une question par diapositive. Sans PARCOURS : choisir dans la liste.
    Present(PresentArgs),
    /// Exporte pour le papier ou les téléphones : fiche Markdown, fiche HTML à imprimer (A4),
    /// page autonome pour téléphone (`--format html --app`) ou base complète en JSON.
    /// Sans sélection : toutes les questions. Code 1 si une sélection est inconnue.
    Export(ExportArgs),
    /// Gère les données installées (mise à jour par fichier ou clé USB, sans réseau).
    Data(DataArgs),
    /// Écrit le script de complétion pour un shell (voir le README pour l'installer).
    Completions(CompletionsArgs),
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
#[derive(Debug, Args)]
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

/// Arguments of `relais search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Les mots cherchés.
    #[arg(required = true, value_name = "MOTS")]
    pub query: Vec<String>,
    /// Nombre maximum de résultats.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Type de résultats.
    #[arg(long, value_enum, default_value_t = KindFilter::All, value_name = "TYPE")]
    pub kind: KindFilter,
    /// Sortie JSON : un tableau, meilleur résultat en premier.
    #[arg(long)]
    pub json: bool,
    /// Explique le score de chaque résultat (mots trouvés, champs, type de correspondance).
    #[arg(long)]
    pub explain: bool,
}

/// Arguments of `relais show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Identifiant (par exemple droits-hebergeur ou cai-namur).
    pub id: String,
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `relais list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Seulement cette catégorie.
    #[arg(long, value_name = "CATÉGORIE")]
    pub category: Option<String>,
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `relais contacts`.
#[derive(Debug, Args)]
pub struct ContactsArgs {
    /// Seulement cette région (namur, luxembourg, liege, hainaut, brabant-wallon,
    /// bruxelles, wallonie, belgique, flandre : hors Wallonie).
    #[arg(long, value_name = "RÉGION")]
    pub region: Option<String>,
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `relais decks`.
#[derive(Debug, Args)]
pub struct DecksArgs {
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `relais check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Fichier ou dossier à vérifier (par défaut : les données actives).
    pub path: Option<PathBuf>,
    /// Traite aussi les avertissements comme des erreurs : entrée non relue depuis plus de
    /// 12 mois, contact vérifié il y a plus de 12 mois (à revérifier), date dans le futur…
    /// Un contact jamais vérifié (affiché avec sa source et sa date, « non vérifié ») et une
    /// entrée aux sources anciennes restent des notes : elles ne font pas échouer.
    #[arg(long)]
    pub strict: bool,
    /// N'affiche que les erreurs (la ligne de bilan compte quand même tout).
    #[arg(long)]
    pub errors_only: bool,
}

/// Arguments of `relais review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Fichier ou dossier (par défaut : les données actives).
    pub path: Option<PathBuf>,
    /// Délai : ce qui sera à relire d'ici là (8w = 8 semaines ; aussi 30d, 3m).
    #[arg(long, default_value = "8w", value_name = "DÉLAI")]
    pub within: String,
}

/// Arguments of `relais eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Fichier YAML : `queries: [{q: "...", expect: [id, ...]}]` ou, pour une question que
    /// nulle entrée ne traite, `{q: "...", covered: false, topic: "..."}`.
    pub file: PathBuf,
    #[arg(long)]
    pub json: bool,
    /// Précision au rang 1 minimale (entre 0 et 1).
    #[arg(long, value_name = "X")]
    pub min_p1: Option<f64>,
    /// Rappel à 5 minimal (entre 0 et 1).
    #[arg(long, value_name = "X")]
    pub min_r5: Option<f64>,
}

/// Arguments of `relais present`.
#[derive(Debug, Args)]
pub struct PresentArgs {
    /// Identifiant du parcours (voir `relais decks`).
    #[arg(value_name = "PARCOURS")]
    pub deck: Option<String>,
    /// Vue orateur : suit, dans un second terminal, la présentation de ce parcours lancée
    /// ailleurs et montre la réponse complète, les sources et la diapositive suivante.
    /// Synchronisation locale par socket Unix (pas disponible sous Windows).
    #[arg(long, requires = "deck")]
    pub notes: bool,
}

/// Arguments of `relais completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Le shell : bash, zsh, fish, powershell ou elvish.
    pub shell: clap_complete::Shell,
}

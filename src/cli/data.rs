//! The arguments of `relais data`: installing, comparing, signing and checking data updates.

use std::path::PathBuf;

use clap::{Args, Subcommand};

/// Actions of `relais data`.
#[derive(Debug, Subcommand)]
pub enum DataAction {
    /// Vérifie la signature, puis les données, montre ce qui change et installe un paquet
    /// signé (`relais data pack`) ; les données précédentes sont gardées en sauvegarde. Code 2,
    /// sans rien changer, si le paquet est modifié, d'une clé inconnue ou invalide.
    Install(InstallArgs),
    /// Montre ce qui change entre deux jeux de données : entrées et contacts ajoutés, retirés,
    /// modifiés champ par champ, et d'abord chaque téléphone, e-mail, adresse ou site changé.
    Diff(DiffArgs),
    /// Crée une paire de clés pour signer des paquets : DOSSIER/NOM.key (secrète, protégée
    /// par un mot de passe) et DOSSIER/NOM.pub (publique, à distribuer).
    Keygen(KeygenArgs),
    /// Vérifie des données comme `relais check`, puis écrit un paquet signé : un seul fichier
    /// à copier sur une clé USB. Code 2, sans rien écrire, si les données sont invalides.
    Pack(PackArgs),
    /// Vérifie un paquet : qui l'a signé (clé, éditeur), version et date. Code 0 si une clé
    /// de confiance l'a signé et qu'il est intact, 2 sinon.
    Verify(VerifyArgs),
    /// Gère les clés de confiance : ajoute une clé publique (fichier .pub ou sa ligne base64),
    /// les liste ou en retire une.
    Trust(TrustArgs),
    /// Indique les données utilisées : origine, version, date, nombres, entrées à relire.
    Status(StatusArgs),
    /// Revient aux données installées précédemment (la sauvegarde).
    Restore,
    /// Revient aux données intégrées ; les données installées deviennent la sauvegarde.
    Reset,
}

/// Arguments of `relais data`.
#[derive(Debug, Args)]
pub struct DataArgs {
    #[command(subcommand)]
    pub action: DataAction,
}

/// Arguments of `relais data install`.
#[derive(Debug, Args)]
pub struct InstallArgs {
    /// Paquet signé (ou, avec --allow-unsigned, un fichier YAML ou un dossier).
    #[arg(value_name = "PAQUET")]
    pub path: PathBuf,
    /// Installe même une version plus ancienne que celle installée, ou la même.
    #[arg(long)]
    pub force: bool,
    /// Accepte des données non signées ou signées par une clé inconnue : elles seront
    /// affichées « non signées » jusqu'à leur remplacement.
    #[arg(long)]
    pub allow_unsigned: bool,
    /// Installe sans demander de confirmation (pour les scripts).
    #[arg(long, short = 'y')]
    pub yes: bool,
}

/// Arguments of `relais data diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Dossier, fichier YAML, paquet, `installed` ou `bundled`.
    #[arg(value_name = "AVANT")]
    pub before: String,
    /// Dossier, fichier YAML, paquet, `installed` ou `bundled`.
    #[arg(value_name = "APRÈS")]
    pub after: String,
}

/// Arguments of `relais data keygen`.
#[derive(Debug, Args)]
pub struct KeygenArgs {
    /// Dossier où écrire les deux fichiers.
    #[arg(long, value_name = "DOSSIER")]
    pub out: PathBuf,
    /// Nom des fichiers.
    #[arg(long, default_value = "relais", value_name = "NOM")]
    pub name: String,
    /// Clé secrète sans mot de passe (déconseillé ; seulement sur une machine sûre).
    #[arg(long)]
    pub no_password: bool,
}

/// Arguments of `relais data pack`.
#[derive(Debug, Args)]
pub struct PackArgs {
    /// Dossier de fichiers YAML (avec, s'il y en a un, son queries.yaml).
    #[arg(value_name = "DOSSIER")]
    pub dir: PathBuf,
    /// La clé secrète (fichier .key de `relais data keygen`).
    #[arg(long, value_name = "CLÉ")]
    pub key: PathBuf,
    /// Le paquet à écrire.
    #[arg(short, long, value_name = "FICHIER")]
    pub output: PathBuf,
}

/// Arguments of `relais data verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[arg(value_name = "PAQUET")]
    pub file: PathBuf,
}

/// Arguments of `relais data trust`.
#[derive(Debug, Args)]
pub struct TrustArgs {
    /// La clé publique à ajouter.
    #[arg(value_name = "CLÉ_PUBLIQUE", required_unless_present_any = ["list", "remove"])]
    pub key: Option<String>,
    /// Liste les clés de confiance.
    #[arg(long, conflicts_with_all = ["key", "remove"])]
    pub list: bool,
    /// Retire la clé de confiance qui a cet identifiant.
    #[arg(long, value_name = "ID", conflicts_with = "key")]
    pub remove: Option<String>,
}

/// Arguments of `relais data status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    #[arg(long)]
    pub json: bool,
}

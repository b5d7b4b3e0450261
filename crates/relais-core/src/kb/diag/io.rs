//! The reasons of input and output errors, in French.

/// The reason of an I/O error in French, for the common cases; the system's own words, once,
/// for the others.
#[must_use]
pub fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let written = match err.kind() {
        K::ReadOnlyFilesystem => Some("système de fichiers en lecture seule"),
        K::StorageFull => Some("disque plein"),
        K::QuotaExceeded => Some("quota de disque dépassé"),
        K::AlreadyExists => Some("existe déjà"),
        K::DirectoryNotEmpty => Some("dossier non vide"),
        K::FileTooLarge => Some("fichier trop grand pour ce système de fichiers"),
        K::ResourceBusy => Some("ressource occupée"),
        K::CrossesDevices => Some("déplacement impossible d'un disque à un autre"),
        K::WriteZero | K::UnexpectedEof => Some("écriture ou lecture incomplète"),
        _ => None,
    };
    if let Some(reason) = written {
        return reason.to_owned();
    }
    match err.kind() {
        std::io::ErrorKind::NotFound => "fichier ou dossier introuvable".to_owned(),
        std::io::ErrorKind::PermissionDenied => "accès refusé".to_owned(),
        std::io::ErrorKind::IsADirectory => "c'est un dossier".to_owned(),
        std::io::ErrorKind::NotADirectory => "un élément du chemin n'est pas un dossier".to_owned(),
        std::io::ErrorKind::InvalidData => "données illisibles".to_owned(),
        std::io::ErrorKind::InvalidFilename => "nom de fichier invalide".to_owned(),
        std::io::ErrorKind::Interrupted => "lecture interrompue".to_owned(),
        // `FilesystemLoop` (ELOOP) is not a stable variant yet: recognised by its name.
        kind if format!("{kind:?}") == "FilesystemLoop" => "boucle de liens symboliques".to_owned(),
        _ => format!("erreur du système ({err})"),
    }
}

//! « Ma région », the one thing relais writes: a small file in the XDG config directory
//! (`~/.config/relais/ma-region` on Linux) that holds a region id and nothing else — never a
//! query, never what was read. It is written atomically (a temporary file renamed over it); a
//! file that cannot be read or holds something else gives a French warning and is ignored.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::kb::REGIONS;

/// The file's name inside `relais/` of the config directory.
const FILE: &str = "ma-region";

/// The config directory of relais, if the system has one.
#[must_use]
pub fn dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.config_dir().join("relais"))
}

/// « Ma région » read from `dir`: `Ok(None)` when it was never set, `Err` with a French
/// warning when the file is there but unusable (it is then ignored).
///
/// # Errors
/// The file cannot be read, or does not hold a known region id.
pub fn load(dir: &Path) -> Result<Option<String>, String> {
    let path = dir.join(FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(_) => return Err(broken(&path)),
    };
    let region = text.trim();
    if REGIONS.contains(&region) {
        Ok(Some(region.to_owned()))
    } else {
        Err(broken(&path))
    }
}

fn broken(path: &Path) -> String {
    format!(
        "Réglage « ma région » illisible ({}) : ignoré. F4 sur un filtre de région le réécrit.",
        path.display()
    )
}

/// Saves « ma région » in `dir` (or removes the file for `None`), atomically.
///
/// # Errors
/// The directory or the file cannot be written; the message is in French.
pub fn save(dir: &Path, region: Option<&str>) -> Result<(), String> {
    let path = dir.join(FILE);
    let fail = |_| {
        format!(
            "Impossible d'enregistrer « ma région » dans {}",
            dir.display()
        )
    };
    let Some(region) = region else {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(fail(e)),
            _ => Ok(()),
        };
    };
    if !REGIONS.contains(&region) {
        return Err(format!("Région inconnue : {region}"));
    }
    std::fs::create_dir_all(dir).map_err(fail)?;
    let temp = dir.join(format!(".{FILE}.{}", std::process::id()));
    let written = std::fs::File::create(&temp)
        .and_then(|mut f| {
            f.write_all(format!("{region}\n").as_bytes())?;
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&temp, &path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("relais-config-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn saved_then_loaded_then_forgotten() {
        let d = temp("cycle");
        assert_eq!(load(&d), Ok(None));
        save(&d, Some("liege")).expect("saved");
        assert_eq!(
            std::fs::read_to_string(d.join(FILE)).expect("file"),
            "liege\n"
        );
        assert_eq!(load(&d), Ok(Some("liege".to_owned())));
        // Only that file, no temporary left behind.
        assert_eq!(std::fs::read_dir(&d).expect("dir").count(), 1);
        save(&d, None).expect("forgotten");
        assert_eq!(load(&d), Ok(None));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_broken_file_is_a_french_warning() {
        let d = temp("broken");
        std::fs::create_dir_all(&d).expect("dir");
        std::fs::write(d.join(FILE), "froid et gale\n").expect("write");
        let warning = load(&d).expect_err("refused");
        assert!(
            warning.contains("illisible") && warning.contains("ignoré"),
            "{warning}"
        );
        assert!(save(&d, Some("atlantide")).is_err());
        let _ = std::fs::remove_dir_all(&d);
    }
}

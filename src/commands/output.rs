//! Files the command line writes where the user asks (`export --output`, `data pack
//! --output`): a regular file is written beside its place, then renamed into it, so that an
//! interrupted write never leaves half a handout where a previous one was; a path that is not a
//! regular file (`/dev/stdout`, `/dev/null`, a named pipe) is written into as it is, never
//! replaced: renaming over it would turn a device into a file (as root, `/dev/null` itself).

use std::io::Write as _;
use std::path::Path;

/// Writes `bytes` to `path`: atomically for a regular or new file, straight into anything else
/// that already exists there.
///
/// # Errors
/// The path cannot be opened, written, synced or renamed.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let special = std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
    if special {
        let mut f = std::fs::OpenOptions::new().write(true).open(path)?;
        return f.write_all(bytes).and_then(|()| f.flush());
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    written
        .and_then(|()| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
}

#[cfg(test)]
mod tests {
    use super::write;

    #[test]
    fn a_regular_file_is_replaced_whole_and_no_temporary_is_left() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("fiche.html");
        std::fs::write(&path, "ancienne version, plus longue que la nouvelle").expect("old");
        write(&path, b"nouvelle").expect("write");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "nouvelle");
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(names.len(), 1, "a temporary file was left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_written_into_and_stays_a_pipe() {
        use std::os::unix::fs::FileTypeExt as _;
        let dir = tempfile::tempdir().expect("dir");
        let fifo = dir.path().join("tube");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this system: nothing to check
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read pipe"))
        };
        write(&fifo, b"par le tube").expect("write");
        assert_eq!(reader.join().expect("reader"), "par le tube");
        let kind = std::fs::symlink_metadata(&fifo).expect("meta").file_type();
        assert!(kind.is_fifo(), "the pipe was replaced by a regular file");
    }
}

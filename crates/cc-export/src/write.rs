//! Atomic writes: a temporary file beside the target, synced, then renamed
//! over it. A failure at any step leaves an existing file untouched.
//!
//! - A new file gets the mode the user's umask gives (0644 under umask 022),
//!   and a replaced file keeps its mode.
//! - The temporary file is named after the target, `.NAME.cluster-compare-XXXXXX.tmp`,
//!   and locked while it is written. An export killed before its rename leaves
//!   it behind; the next write to that folder removes such files that no
//!   running export holds.
//! - Errors name the user's path, never the temporary one, and say when the
//!   folder does not exist.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use super::ExportError;

/// What every temporary file of ours has in its name.
const TAG: &str = ".cluster-compare-";
const SUFFIX: &str = ".tmp";
/// Random characters in a temporary file's name.
const RANDOM_CHARS: usize = 6;
/// At most this many bytes of the target's name go into the temporary name,
/// so it stays within the 255-byte name limit of common file systems.
const NAME_BYTES: usize = 120;

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_atomic_with(path, |f| io::Write::write_all(f, bytes))
}

/// As [`write_atomic`], with the writing done by `fill` (tests inject failures here).
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), ExportError> {
    let user_path = path.display().to_string();
    let err = |e: io::Error| ExportError::Write {
        path: user_path.clone(),
        source: scrub(e),
    };
    let (dir, name) = target(path)?;

    remove_stale_temporaries(dir);

    // The mode of the file being replaced, if any, or what the umask gives a
    // new file (the kernel applies the umask to the 0666 asked for here).
    let existing = fs::metadata(path).ok().filter(|m| m.is_file());
    let mut builder = tempfile::Builder::new();
    let prefix = format!(".{}{TAG}", truncate_name(name));
    builder
        .prefix(&prefix)
        .suffix(SUFFIX)
        .rand_bytes(RANDOM_CHARS);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(err)?;
    // Held until the file is renamed or removed: marks it as in use, so a
    // concurrent export's clean-up leaves it alone.
    #[allow(clippy::incompatible_msrv)]
    // egui 0.37 needs Rust 1.95; Cargo.toml's 1.88 is stale (issue 9)
    let _ = tmp.as_file().try_lock();
    if let Some(m) = &existing {
        // Set explicitly: unlike open(2), chmod is not narrowed by the umask.
        tmp.as_file()
            .set_permissions(m.permissions())
            .map_err(err)?;
    }
    fill(tmp.as_file_mut()).map_err(err)?;
    tmp.as_file_mut().sync_all().map_err(err)?;
    // On failure the temporary file is removed when `tmp` drops.
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// The folder and file name to write, or an error that says what is wrong
/// with the path in the user's words.
fn target(path: &Path) -> Result<(&Path, &OsStr), ExportError> {
    let user_path = path.display().to_string();
    let ends_with_separator = path
        .as_os_str()
        .as_encoded_bytes()
        .last()
        .is_some_and(|&b| b == b'/' || (cfg!(windows) && b == b'\\'));
    if path.is_dir() {
        return Err(ExportError::IsFolder { path: user_path });
    }
    if ends_with_separator {
        // `-o out/`: the user named a folder; it does not exist (or is a file).
        return Err(folder_problem(user_path, path));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Some(name) = path.file_name() else {
        return Err(ExportError::IsFolder { path: user_path });
    };
    if !dir.is_dir() {
        return Err(folder_problem(user_path, dir));
    }
    Ok((dir, name))
}

fn folder_problem(path: String, folder: &Path) -> ExportError {
    // The nearest ancestor that exists tells a missing folder from a file in the way.
    let blocker = folder
        .ancestors()
        .find(|a| !a.as_os_str().is_empty() && fs::symlink_metadata(a).is_ok());
    match blocker {
        Some(b) if !b.is_dir() => ExportError::NotAFolder {
            path,
            folder: b.display().to_string(),
        },
        _ => ExportError::NoFolder {
            path,
            folder: folder.display().to_string(),
        },
    }
}

/// The start of `name`, at most [`NAME_BYTES`] bytes, cut at a character boundary.
fn truncate_name(name: &OsStr) -> String {
    let name = name.to_string_lossy();
    let mut end = name.len().min(NAME_BYTES);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    name[..end].to_owned()
}

/// Is `name` one of our temporary files (this naming or the earlier `.cluster-compare-XXXXXX.tmp`)?
pub(crate) fn is_our_temporary(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(SUFFIX) else {
        return false;
    };
    let Some(at) = stem.rfind(TAG) else {
        return false;
    };
    let random = &stem[at + TAG.len()..];
    name.starts_with('.')
        && random.len() == RANDOM_CHARS
        && random.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Removes temporary files of ours in `dir` that no export is writing (a
/// killed export leaves its temporary file unlocked). Best effort: what
/// cannot be read or removed is left alone.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let stale: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_str().is_some_and(is_our_temporary))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .collect();
    for p in stale {
        let Ok(f) = File::open(&p) else { continue };
        #[allow(clippy::incompatible_msrv)] // as above
        let unheld = f.try_lock().is_ok();
        if unheld {
            let _ = fs::remove_file(&p);
        }
    }
}

/// An I/O error without the temporary file's path in its message: the OS
/// error alone, or its kind where the message names our temporary file.
fn scrub(e: io::Error) -> io::Error {
    if let Some(code) = e.raw_os_error() {
        return io::Error::from_raw_os_error(code);
    }
    if e.to_string().contains(TAG) {
        return io::Error::from(e.kind());
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_temporaries_are_recognised_and_nothing_else() {
        assert!(is_our_temporary(".sheet.csv.cluster-compare-a1B2c3.tmp"));
        assert!(is_our_temporary(".cluster-compare-a1B2c3.tmp"));
        assert!(!is_our_temporary("sheet.csv"));
        assert!(!is_our_temporary(
            ".sheet.csv.cluster-compare-a1B2c3.tmp.bak"
        ));
        assert!(!is_our_temporary(".other-app-a1B2c3.tmp"));
        assert!(!is_our_temporary(".x.cluster-compare-toolong1.tmp"));
    }
}

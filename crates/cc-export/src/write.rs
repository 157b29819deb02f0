//! Atomic writes: a temporary file beside the target, synced, then renamed
//! over it. A failure at any step leaves an existing file untouched.
//!
//! - A new file gets the mode the user's umask gives (0644 under umask 022),
//!   and a replaced file keeps its mode.
//! - The temporary file is named after the target, `.NAME.cluster-compare-XXXXXX.tmp`,
//!   and locked while it is written. An export killed before its rename leaves
//!   it behind; the next write to that folder removes such files that no
//!   running export holds.
//! - Only a regular file is replaced. A character device (`-o /dev/null`,
//!   a terminal) is written in place; a named pipe, socket or block device
//!   is refused, so nothing is turned into a regular file or blocks forever.
//! - A symbolic link is written through: its target is replaced and the link
//!   stays a link (a dangling link gets its target created).
//! - A temporary file is locked right after it is made; the clean-up leaves
//!   young temporaries alone (their owner may not have locked them yet), so
//!   parallel exports to one folder never delete each other's files.
//! - Errors name the user's path, never the temporary one, and say when the
//!   folder does not exist.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::ExportError;

/// What every temporary file of ours has in its name.
const TAG: &str = ".cluster-compare-";
const SUFFIX: &str = ".tmp";
/// Random characters in a temporary file's name.
const RANDOM_CHARS: usize = 6;
/// At most this many bytes of the target's name go into the temporary name,
/// so it stays within the 255-byte name limit of common file systems.
const NAME_BYTES: usize = 120;
/// A temporary file younger than this is never removed by the clean-up: its
/// owner locks it moments after making it, and until then it looks unheld.
const YOUNG: Duration = Duration::from_secs(120);
/// Symbolic links followed at most, as the kernel's limit.
const MAX_LINKS: usize = 40;

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
    let resolved = match destination(path)? {
        Destination::Replace(p) => p,
        Destination::InPlace => return write_in_place(path, fill).map_err(err),
    };
    let path = resolved.as_path();
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
    // concurrent export's clean-up leaves it alone. A file system without
    // locks gets none (the clean-up cannot lock there either, so removes nothing).
    match tmp.as_file().try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {}
        Err(fs::TryLockError::Error(e)) => return Err(err(e)),
        Err(fs::TryLockError::WouldBlock) => {
            return Err(err(io::Error::other(
                "another program holds the temporary file being written",
            )));
        }
    }
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

/// Where the bytes go.
enum Destination {
    /// Replace this regular file (or make it): the user's path, or what its
    /// symbolic links lead to.
    Replace(PathBuf),
    /// Write into the user's path as it is (a character device).
    InPlace,
}

/// Follows symbolic links and refuses what must not be replaced.
fn destination(path: &Path) -> Result<Destination, ExportError> {
    let user_path = path.display().to_string();
    let refuse = |what: &'static str| ExportError::NotAFile {
        path: user_path.clone(),
        what,
    };
    // What the path finally names, following links (a dangling link's target).
    match fs::metadata(path) {
        Ok(m) => {
            let t = m.file_type();
            if t.is_file() {
                if fs::symlink_metadata(path).is_ok_and(|l| l.file_type().is_symlink()) {
                    return Ok(Destination::Replace(
                        fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()),
                    ));
                }
                return Ok(Destination::Replace(path.to_owned()));
            }
            if t.is_dir() {
                return Err(ExportError::IsFolder {
                    path: path.display().to_string(),
                });
            }
            #[cfg(unix)]
            {
                use std::os::unix::fs::FileTypeExt;
                if t.is_char_device() {
                    return Ok(Destination::InPlace);
                }
                if t.is_fifo() {
                    return Err(refuse(
                        "a named pipe (FIFO); write to standard output with -o - and pipe that",
                    ));
                }
                if t.is_socket() {
                    return Err(refuse("a socket"));
                }
                if t.is_block_device() {
                    return Err(refuse("a block device (a disk)"));
                }
            }
            Err(refuse("not a regular file"))
        }
        Err(_) => {
            // Missing, or a dangling link: create what the link names.
            let mut p = path.to_owned();
            for _ in 0..MAX_LINKS {
                match fs::read_link(&p) {
                    Ok(to) => {
                        p = match p.parent() {
                            Some(dir) if to.is_relative() => dir.join(to),
                            _ => to,
                        }
                    }
                    Err(_) => return Ok(Destination::Replace(p)),
                }
            }
            Err(refuse("a loop of symbolic links"))
        }
    }
}

/// Writes into an existing character device without replacing it.
fn write_in_place(path: &Path, fill: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    let mut f = fs::OpenOptions::new().write(true).open(path)?;
    fill(&mut f)?;
    io::Write::flush(&mut f)
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

pub(crate) fn folder_problem(path: String, folder: &Path) -> ExportError {
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
        .filter(|e| e.metadata().is_ok_and(|m| is_old(&m)))
        .map(|e| e.path())
        .collect();
    for p in stale {
        let Ok(f) = File::open(&p) else { continue };
        // Checked again on the open file: it may have been replaced meanwhile.
        if !f.metadata().is_ok_and(|m| is_old(&m)) {
            continue;
        }
        let unheld = f.try_lock().is_ok();
        if unheld {
            let _ = fs::remove_file(&p);
        }
    }
}

/// Was the file last written long enough ago that no export can still be
/// about to lock it? A time in the future (a skewed clock) counts as young.
fn is_old(m: &fs::Metadata) -> bool {
    m.modified()
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age >= YOUNG)
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
#[path = "write_tests.rs"]
mod tests;

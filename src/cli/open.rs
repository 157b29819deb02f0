//! `cluster-compare FILE`: what the desktop entry passes. The one argument
//! is a view file (`*.ccview.json`, or JSON whose `format` says so) or a
//! dataset; the app opens on it.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::app::views_saved;

/// What `FILE` is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A dataset: loaded as `--data FILE` is.
    Dataset(PathBuf),
    /// A view file: the clusters, baseline, metric, tab and language to show.
    View(PathBuf),
}

/// How much of a file is read to tell a view file from a dataset: a view
/// file names its format in its first line or two.
const SNIFF_BYTES: u64 = 4096;

/// Tells a view file from a dataset, or says why `path` cannot be opened
/// (naming it). A pipe or device is refused without being opened.
pub fn target(path: &Path) -> Result<Target, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{shown}: there is no such file"),
        _ => format!("{shown}: {e}"),
    })?;
    if meta.is_dir() {
        // A folder of the dataset's sheets as CSV files opens as a dataset.
        if crate::sheets::folder::holds_sheets(path) {
            return Ok(Target::Dataset(path.to_owned()));
        }
        return Err(format!(
            "{shown}: is a folder without dataset sheets (clusters.csv, figures.csv, ...); give a dataset (.json, .xlsx, or such a folder) or a view file (.{})",
            views_saved::EXTENSION
        ));
    }
    if !meta.is_file() {
        return Err(format!("{shown}: not a regular file"));
    }
    let named_view = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
        n.to_ascii_lowercase()
            .ends_with(&format!(".{}", views_saved::EXTENSION))
    });
    if named_view || sniffs_as_view(path).map_err(|e| format!("{shown}: {e}"))? {
        Ok(Target::View(path.to_owned()))
    } else {
        Ok(Target::Dataset(path.to_owned()))
    }
}

/// True where the file's start names the view file format (a view file
/// saved under another name).
fn sniffs_as_view(path: &Path) -> std::io::Result<bool> {
    let mut head = Vec::new();
    std::fs::File::open(path)?
        .take(SNIFF_BYTES)
        .read_to_end(&mut head)?;
    let head = String::from_utf8_lossy(&head);
    Ok(head.contains(&format!("\"{}\"", views_saved::FORMAT)))
}

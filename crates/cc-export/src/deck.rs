//! The slide deck as files: one PDF, or one PNG or SVG per slide in a folder
//! (`slide-01.png`, ...). The deck is laid out once by [`cc_deck::typeset`].

use std::path::{Path, PathBuf};

use super::{ExportError, write_atomic};
use cc_core::compare::Comparison;
use cc_data::model::Dataset;
use cc_deck::{self as deck, DeckOptions, typeset};

/// Builds and lays out the deck of `cmp`.
pub fn layout(
    d: &Dataset,
    cmp: &Comparison,
    opts: &DeckOptions,
) -> Result<cc_deck::PagedDocument, ExportError> {
    let deck = deck::build(d, cmp, opts);
    Ok(typeset::layout(&deck)?)
}

/// The deck as PDF bytes.
pub fn pdf(d: &Dataset, cmp: &Comparison, opts: &DeckOptions) -> Result<Vec<u8>, ExportError> {
    Ok(typeset::pdf(&layout(d, cmp, opts)?)?)
}

/// Slide files a folder gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlideFormat {
    Png,
    Svg,
}

impl SlideFormat {
    fn extension(self) -> &'static str {
        match self {
            SlideFormat::Png => "png",
            SlideFormat::Svg => "svg",
        }
    }
}

/// The file name of slide `i` (from 0).
pub fn slide_name(i: usize, fmt: SlideFormat) -> String {
    format!("slide-{:02}.{}", i + 1, fmt.extension())
}

/// Renders every slide (PNG `width_px` pixels wide) on up to two threads.
pub fn slide_bytes(
    doc: &cc_deck::PagedDocument,
    fmt: SlideFormat,
    width_px: u32,
) -> Result<Vec<Vec<u8>>, ExportError> {
    let n = doc.pages().len();
    let scale = typeset::scale_for_width(doc, width_px);
    let one = |i: usize| -> Result<Vec<u8>, ExportError> {
        match fmt {
            SlideFormat::Png => Ok(typeset::png(doc, i, scale)?),
            SlideFormat::Svg => Ok(typeset::svg(doc, i).unwrap_or_default().into_bytes()),
        }
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || n < 2 {
        return (0..n).map(one).collect();
    }
    let mut out: Vec<Option<Result<Vec<u8>, ExportError>>> = (0..n).map(|_| None).collect();
    std::thread::scope(|s| {
        let chunks: Vec<_> = out
            .chunks_mut(n.div_ceil(threads))
            .enumerate()
            .map(|(k, chunk)| {
                let start = k * n.div_ceil(threads);
                let one = &one;
                s.spawn(move || {
                    for (j, slot) in chunk.iter_mut().enumerate() {
                        *slot = Some(one(start + j));
                    }
                })
            })
            .collect();
        for c in chunks {
            let _ = c.join();
        }
    });
    out.into_iter()
        .map(|r| r.unwrap_or_else(|| Err(ExportError::Render("a slide renderer stopped".into()))))
        .collect()
}

/// Writes every slide into `folder` (created when missing; its parent must
/// exist). Slide files of an earlier, longer deck (`slide-NN.EXT` past the
/// new count) are removed so the folder holds exactly this deck.
pub fn write_slides(
    doc: &cc_deck::PagedDocument,
    fmt: SlideFormat,
    width_px: u32,
    folder: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    let err = |e: std::io::Error| ExportError::Write {
        path: folder.display().to_string(),
        source: e,
    };
    if !folder.is_dir()
        && let Err(e) = std::fs::create_dir(folder)
    {
        // Name the folder in the way, as a single file's export does.
        let user = folder.display().to_string();
        return Err(match e.kind() {
            std::io::ErrorKind::AlreadyExists => ExportError::NotAFolder {
                folder: user.clone(),
                path: user,
            },
            std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory => {
                let parent = match folder.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
                super::write::folder_problem(user, parent)
            }
            _ => err(e),
        });
    }
    let bytes = slide_bytes(doc, fmt, width_px)?;
    let mut written = Vec::new();
    for (i, b) in bytes.iter().enumerate() {
        let p = folder.join(slide_name(i, fmt));
        write_atomic(&p, b)?;
        written.push(p);
    }
    if let Ok(entries) = std::fs::read_dir(folder) {
        for e in entries.flatten() {
            let name = e.file_name();
            let Some(name) = name.to_str() else { continue };
            let stale = name
                .strip_prefix("slide-")
                .and_then(|r| r.strip_suffix(&format!(".{}", fmt.extension())))
                .and_then(|num| {
                    (num.len() >= 2)
                        .then(|| num.parse::<usize>().ok())
                        .flatten()
                })
                .is_some_and(|k| k > bytes.len());
            if stale {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slide_folder_that_cannot_be_made_is_named() {
        let d = cc_data::load::load_embedded().unwrap().dataset;
        let ids = vec![d.clusters[0].id.clone()];
        let cmp = cc_core::compare::Comparison::build(&d, &ids, None, cc_data::model::Lang::En);
        let doc = layout(&d, &cmp, &DeckOptions::default()).unwrap();
        let dir = tempfile::tempdir().unwrap();

        let missing = dir.path().join("no-such").join("slides");
        let e = write_slides(&doc, SlideFormat::Svg, 800, &missing)
            .unwrap_err()
            .to_string();
        let parent = dir.path().join("no-such").display().to_string();
        assert!(
            e.contains(&format!("the folder {parent} does not exist")),
            "{e}"
        );
        assert!(!e.contains("os error"), "{e}");

        let file = dir.path().join("a-file");
        std::fs::write(&file, "x").unwrap();
        let e = write_slides(&doc, SlideFormat::Svg, 800, &file)
            .unwrap_err()
            .to_string();
        assert!(e.contains("is a file, not a folder"), "{e}");
        assert!(!e.contains("os error"), "{e}");
    }
}

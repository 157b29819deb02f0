//! Exports as the app and the command line make them: the export layer
//! (`cc-export`) with the ui layer's pictures of a view wired in, so a PNG of
//! the overview is drawn by the very views the app shows.

pub use cc_export::*;

use std::path::Path;

use cc_core::compare::Comparison;
use cc_data::model::Dataset;
use cc_ui::headless::Headless;

/// The bytes of an export.
pub fn render(d: &Dataset, req: &Request, fmt: Format) -> Result<Vec<u8>, ExportError> {
    cc_export::render(d, req, fmt, &Headless)
}

/// The bytes of an export, with notes for the user about what had to change
/// to fit the format.
pub fn render_with_notes(
    d: &Dataset,
    req: &Request,
    fmt: Format,
    what: What,
) -> Result<(Vec<u8>, Vec<String>), ExportError> {
    cc_export::render_with_notes(d, req, fmt, what, &Headless)
}

/// Writes an export to `out` (atomically), or to standard output for `-`.
pub fn export_to(d: &Dataset, req: &Request, fmt: Format, out: &Path) -> Result<(), ExportError> {
    cc_export::export_to(d, req, fmt, out, &Headless)
}

/// As [`export_to`], for what `what` asks; returns notes for the user.
pub fn export_what(
    d: &Dataset,
    req: &Request,
    fmt: Format,
    what: What,
    out: &Path,
) -> Result<Vec<String>, ExportError> {
    cc_export::export_what(d, req, fmt, what, out, &Headless)
}

/// As [`export_what`], saying what was written (for `--verbose`).
pub fn export_report(
    d: &Dataset,
    req: &Request,
    fmt: Format,
    what: What,
    out: &Path,
) -> Result<Report, ExportError> {
    cc_export::export_report(d, req, fmt, what, out, &Headless)
}

/// A picture of the comparison's overview (see `cc_ui::headless`).
pub fn render_png(d: &Dataset, cmp: &Comparison, o: &PngOptions) -> Result<Vec<u8>, ExportError> {
    cc_ui::headless::render_png(d, cmp, o)
}

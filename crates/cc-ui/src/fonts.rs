//! Fonts: egui ships no CJK glyphs, so a subset of Noto Sans CJK SC (OFL) is
//! embedded and placed after egui's own fonts in every family. eframe's
//! system-font fallback covers anything beyond the subset.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// Noto Sans CJK SC, subset to GB2312, Big5 level 1 and the project's text
/// (built by `assets/fonts/build_subset.py`).
pub const CJK_FONT: &[u8] = cc_core::tokens::CJK_FONT;
pub const CJK_FONT_NAME: &str = "noto-sans-cjk-sc-subset";

/// egui's default fonts followed by the CJK subset.
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    defs.font_data.insert(
        CJK_FONT_NAME.to_owned(),
        Arc::new(FontData::from_static(CJK_FONT)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        defs.families
            .entry(family)
            .or_default()
            .push(CJK_FONT_NAME.to_owned());
    }
    defs
}

pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

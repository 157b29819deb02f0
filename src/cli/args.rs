//! The command line's value names, mapped onto the libraries' plain options.

use clap::ValueEnum;

use crate::export::{self, Format};

// clap's value names live here, mapped onto the libraries' plain options (as
// typst-cli maps its own), so no library type derives a command-line trait.

/// Output formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Csv,
    Xlsx,
    Md,
    Html,
    Png,
    /// The slide deck as one PDF.
    Pdf,
    /// One SVG per slide, into a folder.
    Svg,
    /// The slide deck as PowerPoint (PPTX): native text, tables and charts, editable in PowerPoint and WPS.
    Pptx,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Csv => Format::Csv,
            FormatArg::Xlsx => Format::Xlsx,
            FormatArg::Md => Format::Md,
            FormatArg::Html => Format::Html,
            FormatArg::Png => Format::Png,
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Svg => Format::Svg,
            FormatArg::Pptx => Format::Pptx,
        }
    }
}

/// Output formats of `template`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TemplateFormatArg {
    /// One workbook (.xlsx).
    Xlsx,
    /// A folder of CSV files, one per sheet.
    Csv,
}

/// Output formats of `coverage`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CoverageFormatArg {
    /// Text to read: one paragraph per cluster, then those with no figures.
    Text,
    /// One row per cluster, one column per metric holding its years.
    Csv,
}

/// Output formats of `table`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableFormatArg {
    Csv,
    Xlsx,
    Md,
}

impl From<TableFormatArg> for export::all_clusters::TableFormat {
    fn from(f: TableFormatArg) -> Self {
        use export::all_clusters::TableFormat;
        match f {
            TableFormatArg::Csv => TableFormat::Csv,
            TableFormatArg::Xlsx => TableFormat::Xlsx,
            TableFormatArg::Md => TableFormat::Md,
        }
    }
}

/// Which view a PNG shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    Overview,
    Charts,
    Policies,
    Context,
    /// The tile map of national clusters by province (the compared clusters play no part).
    Map,
    /// The tile map of the 2019/2020 competition winners by province.
    MapCompetition,
}

impl From<ViewArg> for export::View {
    fn from(v: ViewArg) -> Self {
        use export::View;
        match v {
            ViewArg::Overview => View::Overview,
            ViewArg::Charts => View::Charts,
            ViewArg::Policies => View::Policies,
            ViewArg::Context => View::Context,
            ViewArg::Map => View::Map,
            ViewArg::MapCompetition => View::MapCompetition,
        }
    }
}

/// What an export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum WhatArg {
    /// The comparison: figures, targets, policies, sources (every format).
    Comparison,
    /// The compared clusters' policies alone, as CSV.
    Policies,
    /// The compared clusters' figures over the years alone, as CSV.
    Series,
}

impl From<WhatArg> for export::What {
    fn from(w: WhatArg) -> Self {
        match w {
            WhatArg::Comparison => export::What::Comparison,
            WhatArg::Policies => export::What::Policies,
            WhatArg::Series => export::What::Series,
        }
    }
}

/// The slides' page shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PageArg {
    /// 16:9, 960 × 540 pt.
    #[value(name = "16:9")]
    Wide,
    /// 4:3, 720 × 540 pt.
    #[value(name = "4:3")]
    Standard,
}

impl From<PageArg> for crate::deck::PageShape {
    fn from(p: PageArg) -> Self {
        match p {
            PageArg::Wide => Self::Wide,
            PageArg::Standard => Self::Standard,
        }
    }
}

/// A slide of `export --slides` (the title slide always opens the deck).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SlideArg {
    /// The headline figures side by side.
    Overview,
    /// The chart of output value alone.
    Output,
    /// The chart of firm counts alone.
    Firms,
    /// The charts: --metric, firms, each headline metric two clusters have (but those listed on their own).
    Charts,
    /// The figures over the years.
    Series,
    /// Every figure of each cluster (an appendix).
    Figures,
    /// Targets and progress.
    Targets,
    /// The policy instruments matrix and the policies.
    Policies,
    /// The map of national clusters by province.
    Map,
    /// The competition winners by province and industry.
    Context,
    /// Every source with the phrases quoted (an appendix).
    Sources,
}

impl From<SlideArg> for crate::deck::SlideKind {
    fn from(s: SlideArg) -> Self {
        use crate::deck::SlideKind as K;
        match s {
            SlideArg::Overview => K::Overview,
            SlideArg::Output => K::Output,
            SlideArg::Firms => K::Firms,
            SlideArg::Charts => K::Charts,
            SlideArg::Series => K::Series,
            SlideArg::Figures => K::Figures,
            SlideArg::Targets => K::Targets,
            SlideArg::Policies => K::Policies,
            SlideArg::Map => K::Map,
            SlideArg::Context => K::Context,
            SlideArg::Sources => K::Sources,
        }
    }
}

/// How the slides name their sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SourcesArg {
    /// A short line on each slide and every source in full on the sources slides.
    Appendix,
    /// A citation line on each slide; no sources slides.
    Line,
}

impl From<SourcesArg> for crate::deck::SourcesMode {
    fn from(s: SourcesArg) -> Self {
        match s {
            SourcesArg::Appendix => Self::Appendix,
            SourcesArg::Line => Self::Line,
        }
    }
}

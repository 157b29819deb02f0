//! The deck as data: what the template (`assets/deck.typ`) lays out.

use serde::{Deserialize, Serialize};

/// The page shape of a slide.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageShape {
    /// 16:9, 960 × 540 pt.
    #[default]
    // RON (eframe's settings format) writes variants as identifiers, so the
    // names are words; files and settings written with "16:9" still read.
    #[serde(rename = "wide", alias = "16:9")]
    Wide,
    /// 4:3, 720 × 540 pt.
    #[serde(rename = "standard", alias = "4:3")]
    Standard,
}

impl PageShape {
    /// Width and height in points.
    pub fn size_pt(self) -> (f64, f64) {
        match self {
            PageShape::Wide => (960.0, 540.0),
            PageShape::Standard => (720.0, 540.0),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PageShape::Wide => "16:9",
            PageShape::Standard => "4:3",
        }
    }
}

/// What the user chose for the deck.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeckOptions {
    /// The deck's title; default: the clusters' short names.
    pub title: Option<String>,
    /// The metric charted first; default: the best-covered headline metric.
    pub metric: Option<String>,
    pub page: PageShape,
    pub dark: bool,
    /// Add the national context slides (the map and the competition
    /// winners) to the default deck; a chosen list of slides says it itself.
    pub context: bool,
    /// Which slides, in what order, and how.
    pub choice: SlideChoice,
}

/// One kind of slide the user can put in the deck (the title slide always
/// opens it). Written as these snake_case words in view files and settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlideKind {
    /// The headline figures side by side.
    Overview,
    /// The chart of output value.
    Output,
    /// The chart of firm counts.
    Firms,
    /// The charts: the chosen metric, firms, and each headline metric that
    /// two or more clusters have, but those listed on their own.
    Charts,
    /// The figures over the years.
    Series,
    /// Every figure of each cluster (an appendix).
    Figures,
    /// Targets and progress.
    Targets,
    /// The policy instruments matrix and the policies written out.
    Policies,
    /// The map of national clusters by province.
    Map,
    /// The competition winners by province and by industry.
    Context,
    /// Every source with the phrases quoted (an appendix).
    Sources,
}

impl SlideKind {
    /// Every kind, in the default deck's order (which leaves out the
    /// single charts and the context).
    pub const ALL: [SlideKind; 11] = [
        SlideKind::Overview,
        SlideKind::Output,
        SlideKind::Firms,
        SlideKind::Charts,
        SlideKind::Series,
        SlideKind::Figures,
        SlideKind::Targets,
        SlideKind::Policies,
        SlideKind::Map,
        SlideKind::Context,
        SlideKind::Sources,
    ];

    /// The word of the command line and the view file.
    pub fn code(self) -> &'static str {
        match self {
            SlideKind::Overview => "overview",
            SlideKind::Output => "output",
            SlideKind::Firms => "firms",
            SlideKind::Charts => "charts",
            SlideKind::Series => "series",
            SlideKind::Figures => "figures",
            SlideKind::Targets => "targets",
            SlideKind::Policies => "policies",
            SlideKind::Map => "map",
            SlideKind::Context => "context",
            SlideKind::Sources => "sources",
        }
    }

    /// What the slides of this kind show, for the export menu.
    pub fn label(self, lang: cc_data::model::Lang) -> &'static str {
        let (zh, en) = match self {
            SlideKind::Overview => ("概览", "Overview"),
            SlideKind::Output => ("产值图", "Output value chart"),
            SlideKind::Firms => ("企业数图", "Firms chart"),
            SlideKind::Charts => ("各指标图", "Charts of each metric"),
            SlideKind::Series => ("历年数字", "Figures over the years"),
            SlideKind::Figures => ("全部数字（附录）", "Every figure (appendix)"),
            SlideKind::Targets => ("目标与进度", "Targets and progress"),
            SlideKind::Policies => ("政策工具", "Policy instruments"),
            SlideKind::Map => ("分布地图", "Map"),
            SlideKind::Context => ("集群竞赛优胜者", "Competition winners"),
            SlideKind::Sources => ("来源（附录）", "Sources (appendix)"),
        };
        lang.pick(zh, en)
    }

    /// The metric key a chart of this kind draws.
    pub fn chart_key(self) -> Option<&'static str> {
        match self {
            SlideKind::Output => Some("output_value"),
            SlideKind::Firms => Some("firms"),
            _ => None,
        }
    }

    /// The part of the deck the kind belongs to: a notes slide closes each
    /// part (the charts, the figures, targets and policies, the context).
    pub(crate) fn section(self) -> u8 {
        match self {
            SlideKind::Overview
            | SlideKind::Output
            | SlideKind::Firms
            | SlideKind::Charts
            | SlideKind::Series => 0,
            SlideKind::Figures => 1,
            SlideKind::Targets | SlideKind::Policies => 2,
            SlideKind::Map | SlideKind::Context => 3,
            SlideKind::Sources => 4,
        }
    }
}

/// How the deck names its sources.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourcesMode {
    /// A short line at the foot of each slide, and every source with its
    /// phrases in an appendix (where `sources` is among the slides).
    #[default]
    Appendix,
    /// A citation line at the foot of each slide naming its sources, and no
    /// appendix.
    Line,
}

/// The user's choice of slides: which go in, in what order, and how they
/// are drawn. The default is the whole deck, as it has always been.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SlideChoice {
    /// The slides after the title, in order; `None`: the default deck
    /// ([`SlideChoice::default_kinds`]). A kind listed twice goes in once.
    pub slides: Option<Vec<SlideKind>>,
    pub sources: SourcesMode,
    /// Bars sorted by value, largest first (a cluster keeps its colour).
    pub sort_bars: bool,
    /// A cluster id drawn in its colour while the others are grey.
    pub highlight: Option<String>,
}

impl SlideChoice {
    /// The default deck: every kind but the single charts (they are among
    /// `charts`) and the context ones, which come in with `context`.
    pub fn default_kinds(context: bool) -> Vec<SlideKind> {
        SlideKind::ALL
            .into_iter()
            // The charts come in together (`charts`), the chosen metric first.
            .filter(|k| k.chart_key().is_none())
            .filter(|k| context || !matches!(k, SlideKind::Map | SlideKind::Context))
            .collect()
    }

    /// The slides that go in, in order, each once; without the sources
    /// appendix when the sources are a line per slide.
    pub fn kinds(&self, context: bool) -> Vec<SlideKind> {
        let listed = match &self.slides {
            Some(v) => v.clone(),
            None => Self::default_kinds(context),
        };
        let mut out: Vec<SlideKind> = Vec::new();
        for k in listed {
            let left_out = k == SlideKind::Sources && self.sources == SourcesMode::Line;
            if !left_out && !out.contains(&k) {
                out.push(k);
            }
        }
        out
    }
}

/// The whole deck, as the template reads it.
#[derive(Clone, Debug, Serialize)]
pub struct Deck {
    pub lang: &'static str,
    pub page: Page,
    pub style: Style,
    pub labels: Labels,
    pub slides: Vec<Slide>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Page {
    pub width: f64,
    pub height: f64,
}

/// Colours and type sizes, from [`cc_core::tokens`].
#[derive(Clone, Debug, Serialize)]
pub struct Style {
    pub bg: String,
    pub text: String,
    pub muted: String,
    pub rule: String,
    pub card: String,
    pub accent: String,
    pub warn: String,
    pub context: String,
    pub title: f64,
    pub deck_title: f64,
    pub subtitle: f64,
    pub body: f64,
    pub label: f64,
    pub note: f64,
    pub source: f64,
    pub margin: f64,
}

/// Fixed words of the template, in the deck's language.
#[derive(Clone, Debug, Serialize)]
pub struct Labels {
    pub continued: String,
    pub sources: String,
    pub none: String,
    /// The pointer to a notes slide: `{}` stands for its page number.
    pub further_notes: String,
}

/// One slide; content that does not fit continues on the next page.
#[derive(Clone, Debug, Serialize)]
pub struct Slide {
    pub title: String,
    pub subtitle: String,
    pub body: Body,
    /// Numbered footnotes (caveats), already marked `①`: the few that the
    /// foot of the slide holds.
    pub notes: Vec<String>,
    /// The slide's further notes, moved to the notes slide of its section.
    #[serde(skip)]
    pub overflow: Vec<String>,
    /// The index (in [`Deck::slides`]) of the notes slide holding
    /// [`Slide::overflow`]; the foot points to it.
    pub more_notes: Option<usize>,
    /// The source line: publishers and dates of what the slide cites.
    pub sources: String,
    /// The ids of the sources the slide cites (for its line).
    #[serde(skip)]
    pub cited: Vec<String>,
    /// The kind of slide the user chose that made this one; `None` for the
    /// title and the notes slides.
    #[serde(skip)]
    pub kind: Option<SlideKind>,
}

/// What a slide shows.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Body {
    Title {
        heading: String,
        data_title: String,
        date: String,
        clusters: Vec<Swatch>,
    },
    Table {
        /// Column headers after the first (label) column.
        header: Vec<Swatch>,
        first: String,
        rows: Vec<TableRow>,
        /// Relative width of the first column.
        first_width: f64,
        /// One picture (the overview, the matrix): set tighter rather than
        /// continued, up to six clusters.
        fit: bool,
    },
    Bars {
        bars: Vec<Bar>,
        /// What the bars measure, e.g. `万亿元`.
        axis: String,
        /// Said above the bars when their figures differ in definition: the
        /// lengths then do not compare.
        warning: String,
        /// Where the zero line lies, as a fraction of the track from its
        /// left end: 0 when no value is negative.
        zero: f64,
    },
    Targets {
        rows: Vec<TargetRow>,
        header: Vec<String>,
    },
    Sources {
        items: Vec<SourceItem>,
    },
    /// Notes that did not fit the foot of their slides, by slide.
    Notes {
        items: Vec<SourceItem>,
    },
    /// The province tile map: one square per province-level division.
    Map {
        rows: u8,
        cols: u8,
        tiles: Vec<MapTile>,
        legend: Vec<Swatch>,
    },
}

/// One province tile of the map slide.
#[derive(Clone, Debug, Serialize)]
pub struct MapTile {
    pub row: u8,
    pub col: u8,
    /// The division's name.
    pub label: String,
    /// A shorter form, drawn where the name does not fit its tile.
    pub short: String,
    /// The count, or empty for a division without data.
    pub count: String,
    pub fill: String,
    /// Light text on the two strongest colours.
    pub ink: String,
    /// Drawn hatched: no data.
    pub no_data: bool,
}

/// A cluster's name with its colour.
#[derive(Clone, Debug, Serialize)]
pub struct Swatch {
    pub text: String,
    pub color: String,
    /// A second line (e.g. the full name or the province).
    pub detail: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct TableRow {
    pub label: String,
    pub cells: Vec<String>,
    /// Shown in the muted colour (a sub-heading row).
    pub group: bool,
}

/// One bar of a chart.
#[derive(Clone, Debug, Serialize)]
pub struct Bar {
    pub label: String,
    pub color: String,
    /// Length as a fraction of the track (−1–1; negative values are drawn
    /// to the left of the zero line); `None`: no bar, the value text says why.
    pub frac: Option<f64>,
    /// The value as written, with qualifier and year.
    pub value: String,
    /// The high end of a range, as a fraction like `frac`.
    pub frac_high: Option<f64>,
    /// `exact`, `more_than`, `at_least`, `about`, `nearly`, `less_than`, ...
    pub qualifier: String,
    /// An expected, not a measured figure: drawn outlined.
    pub forecast: bool,
    /// Short words under the value, e.g. the definition.
    pub detail: String,
    /// The value the bar draws, in the unit of the chart's axis (the data
    /// of an editable chart); `None` where no bar is drawn.
    pub number: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TargetRow {
    pub cluster: String,
    pub color: String,
    pub what: String,
    pub target: String,
    pub actual: String,
    /// Progress 0–1 (capped for drawing); `None` where it cannot be computed.
    pub progress: Option<f64>,
    pub progress_text: String,
    /// The growth a year needed beside the growth so far, where a series of
    /// the target's definition leads to it; empty otherwise (no verdict).
    pub on_track: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct SourceItem {
    pub head: String,
    pub quotes: Vec<String>,
}

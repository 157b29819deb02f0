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
    /// Add the national context slides.
    pub context: bool,
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

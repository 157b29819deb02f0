//! The slide deck: a model built from the one [`Comparison`], laid out by the
//! Typst template `assets/deck.typ` (see [`typeset`]). The deck is plain data
//! (serialised to JSON and read by the template as data, never pasted into
//! markup), so no cluster name can break or inject into a slide.
//!
//! Slides, in order: title; overview (headline figures, clusters as
//! columns); one bar chart per compared metric; every figure of each
//! cluster; targets with progress; policy instruments with the policies
//! written out; national context (when asked); sources with the phrases
//! quoted. Content that does not fit a slide continues on the next one.

pub mod typeset;

use std::collections::BTreeMap;

use clap::ValueEnum;
use serde::{Deserialize, Serialize};

use crate::compare::{Cell, Comparison, Row};
use crate::format;
use crate::model::{Category, Cluster, Dataset, Lang, Qualifier};
use crate::tokens::{self, slide_type};

/// The page shape of a slide.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
pub enum PageShape {
    /// 16:9, 960 × 540 pt.
    #[default]
    #[value(name = "16:9")]
    #[serde(rename = "16:9")]
    Wide,
    /// 4:3, 720 × 540 pt.
    #[value(name = "4:3")]
    #[serde(rename = "4:3")]
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

/// Colours and type sizes, from [`crate::tokens`].
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
}

/// One slide; content that does not fit continues on the next page.
#[derive(Clone, Debug, Serialize)]
pub struct Slide {
    pub title: String,
    pub subtitle: String,
    pub body: Body,
    /// Numbered footnotes (caveats), already marked `①`.
    pub notes: Vec<String>,
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
    },
    Bars {
        bars: Vec<Bar>,
        /// What the bars measure, e.g. `万亿元`.
        axis: String,
        /// Said above the bars when their figures differ in definition: the
        /// lengths then do not compare.
        warning: String,
    },
    Targets {
        rows: Vec<TargetRow>,
        header: Vec<String>,
    },
    Sources {
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
    pub label: String,
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
    /// Length as a fraction of the longest bar (0–1); `None`: no bar, the
    /// value text says why.
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
}

#[derive(Clone, Debug, Serialize)]
pub struct SourceItem {
    pub head: String,
    pub quotes: Vec<String>,
}

/// Longest short name in the body of a slide, in characters.
const SHORT_NAME_CHARS: usize = 16;
/// Longest title of a content slide, in characters.
const TITLE_CHARS: usize = 60;
/// Longest single text in a table cell or list item.
const CELL_CHARS: usize = 400;

/// Shortens `s` to at most `max` characters, ending in `…` when cut.
pub fn shorten(s: &str, max: usize) -> String {
    format::shorten(s, max).into_owned()
}

/// The marker of footnote `i` (from 0): ①…⑩ (the bundled font has these),
/// then (11), (12)...
pub fn note_mark(i: usize) -> String {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩";
    CIRCLED
        .chars()
        .nth(i)
        .map(String::from)
        .unwrap_or_else(|| format!("({})", i + 1))
}

/// Longest short label in `lang`, in characters (a Chinese character is
/// about twice as wide as a Latin letter).
fn short_chars(lang: Lang) -> usize {
    match lang {
        Lang::Zh => SHORT_NAME_CHARS,
        Lang::En => SHORT_NAME_CHARS * 2,
    }
}

/// A cluster's short name for slide bodies: the name without the word
/// "cluster", shortened.
pub fn short_name(c: &Cluster, lang: Lang) -> String {
    let max = short_chars(lang);
    if let Some(s) = c.short_name.as_ref().filter(|s| !s.is_empty()) {
        return shorten_words(s.get(lang).trim(), max);
    }
    let name = c.name.get(lang).trim();
    let stripped = match lang {
        Lang::Zh => name
            .strip_suffix("产业集群")
            .or_else(|| name.strip_suffix("集群"))
            .unwrap_or(name),
        Lang::En => name
            .strip_suffix(" cluster")
            .or_else(|| name.strip_suffix(" Cluster"))
            .unwrap_or(name),
    };
    shorten_words(if stripped.is_empty() { name } else { stripped }, max)
}

/// Shortens at a word boundary where the text has spaces (English), else
/// at `max` characters; `…` marks the cut.
fn shorten_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max || !s.contains(' ') {
        return shorten(s, max);
    }
    let mut out = String::new();
    for w in s.split(' ') {
        if out.chars().count() + w.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        return shorten(s, max);
    }
    out.push('…');
    out
}

/// The deck's title when the user gives none: the short names of one or two
/// clusters, or the first and how many more.
pub fn default_title(shorts: &[String], lang: Lang) -> String {
    match shorts {
        [] => t(lang, "集群对比", "Cluster comparison"),
        [one] => one.clone(),
        [a, b] => match lang {
            Lang::Zh => format!("{a}与{b}"),
            Lang::En => format!("{a} and {b}"),
        },
        [a, rest @ ..] => match lang {
            Lang::Zh => format!("{a}等{}个集群", rest.len() + 1),
            Lang::En => format!("{a} and {} more clusters", rest.len()),
        },
    }
}

fn t(lang: Lang, zh: &str, en: &str) -> String {
    lang.pick(zh, en).to_owned()
}

/// Collects footnotes for one slide, numbering each distinct text once.
#[derive(Default)]
struct Notes {
    texts: Vec<String>,
}

impl Notes {
    /// Adds a note (or finds it) and returns its marker.
    fn mark(&mut self, text: String) -> String {
        let i = match self.texts.iter().position(|t| *t == text) {
            Some(i) => i,
            None => {
                self.texts.push(text);
                self.texts.len() - 1
            }
        };
        note_mark(i)
    }

    fn finish(self) -> Vec<String> {
        self.texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| format!("{} {}", note_mark(i), shorten(&t, CELL_CHARS)))
            .collect()
    }
}

/// Collects the sources a slide cites, for its source line.
struct Cites<'a> {
    d: &'a Dataset,
    lang: Lang,
    ids: Vec<String>,
}

impl<'a> Cites<'a> {
    fn new(d: &'a Dataset, lang: Lang) -> Self {
        Self {
            d,
            lang,
            ids: Vec::new(),
        }
    }

    fn add(&mut self, id: &str) {
        if !self.ids.iter().any(|i| i == id) {
            self.ids.push(id.to_owned());
        }
    }

    fn line(&self) -> String {
        if self.ids.is_empty() {
            return String::new();
        }
        // A slide citing many pages names the first few and says how many
        // more (the sources slide lists them all).
        const NAMED: usize = 3;
        let cited: Vec<_> = self
            .d
            .sources
            .iter()
            .filter(|s| self.ids.contains(&s.id))
            .collect();
        let more = cited.len().saturating_sub(if cited.len() > NAMED + 1 {
            NAMED
        } else {
            cited.len()
        });
        let parts: Vec<String> = cited
            .into_iter()
            .take(if more > 0 { NAMED } else { usize::MAX })
            .map(|s| {
                let date = if s.date_approximate {
                    match self.lang {
                        Lang::Zh => format!("约{}", s.date),
                        Lang::En => format!("c. {}", s.date),
                    }
                } else {
                    s.date.clone()
                };
                format!("{}{}{}", s.publisher.get(self.lang), sep(self.lang), date)
            })
            .collect();
        let head = t(self.lang, "来源：", "Sources: ");
        let tail = match (more, self.lang) {
            (0, _) => String::new(),
            (n, Lang::Zh) => format!("；另有{n}个来源，见来源页"),
            (n, Lang::En) => format!("; and {n} more, listed on the sources slides"),
        };
        shorten(
            &format!("{head}{}{tail}", parts.join(list_sep(self.lang))),
            CELL_CHARS,
        )
    }
}

fn sep(lang: Lang) -> &'static str {
    lang.pick("，", ", ")
}

fn list_sep(lang: Lang) -> &'static str {
    lang.pick("；", "; ")
}

/// Today's date as `YYYY-MM-DD` (UTC).
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn qualifier_key(q: Qualifier) -> String {
    serde_json::to_value(q)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Builds the deck of `cmp` (built from `d`).
pub fn build(d: &Dataset, cmp: &Comparison, opts: &DeckOptions) -> Deck {
    build_dated(d, cmp, opts, &today())
}

/// [`build`] with a given date (tests and reproducible output).
pub fn build_dated(d: &Dataset, cmp: &Comparison, opts: &DeckOptions, date: &str) -> Deck {
    let lang = cmp.lang;
    let colours = tokens::colours(opts.dark);
    let clusters: Vec<&Cluster> = cmp
        .columns
        .iter()
        .filter_map(|c| d.cluster(&c.id))
        .collect();
    let shorts: Vec<String> = clusters.iter().map(|c| short_name(c, lang)).collect();
    let color = |i: usize| colours.series[i % colours.series.len()].hex();
    let swatches: Vec<Swatch> = shorts
        .iter()
        .enumerate()
        .map(|(i, s)| Swatch {
            text: s.clone(),
            color: color(i),
            detail: String::new(),
        })
        .collect();

    let mut slides = Vec::new();

    // 1. Title.
    let heading = opts
        .title
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| shorten(s, 120))
        .unwrap_or_else(|| default_title(&shorts, lang));
    slides.push(Slide {
        title: heading.clone(),
        subtitle: String::new(),
        body: Body::Title {
            heading,
            data_title: shorten(d.title.get(lang), 200),
            date: date.to_owned(),
            clusters: clusters
                .iter()
                .enumerate()
                .map(|(i, c)| Swatch {
                    text: shorten(c.name.get(lang), 200),
                    color: color(i),
                    detail: shorten(
                        &format!(
                            "{}{}{}",
                            c.provinces
                                .iter()
                                .map(|p| p.get(lang))
                                .collect::<Vec<_>>()
                                .join(lang.pick("、", ", ")),
                            sep(lang),
                            c.industry.get(lang)
                        ),
                        200,
                    ),
                })
                .collect(),
        },
        notes: Vec::new(),
        sources: String::new(),
    });

    // 2. Overview: headline rows, clusters as columns.
    slides.push(overview(d, cmp, &swatches, lang));

    // 3. Charts: the chosen metric, firm counts, and every other headline
    //    metric that two or more clusters have.
    let chosen = opts
        .metric
        .as_deref()
        .filter(|k| cmp.row(k).is_some())
        .or_else(|| cmp.default_chart_key());
    let mut charted: Vec<&str> = Vec::new();
    if let Some(k) = chosen {
        charted.push(k);
    }
    if cmp.row("firms").is_some() && !charted.contains(&"firms") {
        charted.push("firms");
    }
    for r in &cmp.rows {
        if r.headline && r.coverage() >= 2 && !charted.contains(&r.key.as_str()) {
            charted.push(&r.key);
        }
    }
    for key in charted {
        if let Some(row) = cmp.row(key) {
            slides.push(bars_slide(d, row, &shorts, colours, lang));
        }
    }

    // 4. Every figure of each cluster.
    for (i, c) in clusters.iter().enumerate() {
        slides.push(figures_slide(d, c, &swatches[i], lang));
    }

    // 5. Targets.
    if cmp.columns.iter().any(|c| !c.targets.is_empty()) {
        slides.push(targets_slide(d, cmp, &shorts, colours, lang));
    }

    // 6. Policy instruments.
    slides.push(matrix_slide(d, cmp, &swatches, lang));
    if cmp
        .columns
        .iter()
        .any(|c| c.policies.iter().any(|p| !p.1.is_empty()))
    {
        slides.push(policy_list_slide(d, cmp, &swatches, lang));
    }

    // 7. Context.
    if opts.context {
        slides.extend(context_slides(d, colours, opts.dark, lang));
    }

    // 8. Sources.
    slides.push(sources_slide(d, &clusters, opts.context, lang));

    let (width, height) = opts.page.size_pt();
    Deck {
        lang: lang.code(),
        page: Page { width, height },
        style: Style {
            bg: colours.panel_bg.hex(),
            text: colours.text.hex(),
            muted: colours.text_weak.hex(),
            rule: colours.border.hex(),
            card: colours.card_bg.hex(),
            accent: colours.accent.hex(),
            warn: colours.warn.hex(),
            context: colours.context.hex(),
            title: slide_type::TITLE,
            deck_title: slide_type::DECK_TITLE,
            subtitle: slide_type::SUBTITLE,
            body: slide_type::BODY,
            label: slide_type::LABEL,
            note: slide_type::NOTE,
            source: slide_type::SOURCE,
            margin: slide_type::MARGIN,
        },
        labels: Labels {
            continued: t(lang, "续", "continued"),
            sources: t(lang, "来源", "Sources"),
            none: t(lang, "—", "—"),
        },
        slides,
    }
}

/// `> 5700亿元 · 约2021`.
fn cell_text(c: &Cell, lang: Lang) -> String {
    // Forecasts and ranges are marked in `written` already.
    format!("{}{}{}", c.written, lang.pick(" · ", " · "), c.year)
}

/// Notes for one cell: an inferred year with its reason.
fn cell_notes(c: &Cell, notes: &mut Notes, lang: Lang) -> String {
    let mut marks = String::new();
    if c.metric.as_of.approximate {
        // The data gives its reasons in English only.
        let text = match lang {
            Lang::Zh => format!("{}：年份为推定，来源未写明。", c.year),
            Lang::En => format!(
                "{}: year inferred, not stated in the source. {}",
                c.year,
                c.metric.as_of.note.clone().unwrap_or_default()
            ),
        };
        marks.push_str(&notes.mark(text.trim().to_owned()));
    }
    marks
}

fn overview(d: &Dataset, cmp: &Comparison, swatches: &[Swatch], lang: Lang) -> Slide {
    let mut notes = Notes::default();
    let mut cites = Cites::new(d, lang);
    let mut rows = Vec::new();
    for r in cmp.rows.iter().filter(|r| r.headline) {
        let mut label = shorten(&r.name, 60);
        for c in &r.caveats {
            label.push_str(&notes.mark(c.describe(lang)));
        }
        let cells = r
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| match c {
                Some(c) => {
                    cites.add(&c.metric.source.source);
                    let mut s = cell_text(c, lang);
                    s.push_str(&cell_notes(c, &mut notes, lang));
                    if Some(i) != cmp.baseline
                        && let Some(diff) = c.baseline_text(lang)
                    {
                        s.push('\n');
                        s.push_str(&format!(
                            "{}{}",
                            lang.pick("对比基准：", "vs baseline: "),
                            diff
                        ));
                    }
                    s
                }
                None => "—".to_owned(),
            })
            .collect();
        rows.push(TableRow {
            label,
            cells,
            group: false,
        });
    }
    // Clusters without any cluster-wide figure say so.
    for (i, col) in cmp.columns.iter().enumerate() {
        if col.missing.contains(&"figures") {
            notes.mark(match lang {
                Lang::Zh => format!("{}：来源未给出集群整体的数字。", swatches[i].text),
                Lang::En => format!(
                    "{}: the sources give no cluster-wide figures.",
                    swatches[i].text
                ),
            });
        }
    }
    if rows.is_empty() {
        rows.push(TableRow {
            label: t(
                lang,
                "来源未给出集群整体的数字",
                "No cluster-wide figures in the sources",
            ),
            cells: vec!["—".to_owned(); swatches.len()],
            group: true,
        });
    }
    if let Some(b) = cmp.baseline {
        notes.mark(match lang {
            Lang::Zh => format!("对比基准：{}。", swatches[b].text),
            Lang::En => format!("Baseline: {}.", swatches[b].text),
        });
    }
    Slide {
        title: t(lang, "主要数字一览", "Headline figures"),
        subtitle: t(
            lang,
            "数值按来源原文写法，附年份；“约”表示来源未写明年份",
            "Values as the sources write them, with their year; “c.” marks a year the source does not state",
        ),
        body: Body::Table {
            header: swatches.to_vec(),
            first: t(lang, "指标", "Measure"),
            rows,
            first_width: 1.1,
        },
        notes: notes.finish(),
        sources: cites.line(),
    }
}

fn bars_slide(
    d: &Dataset,
    row: &Row,
    shorts: &[String],
    colours: &tokens::Colours,
    lang: Lang,
) -> Slide {
    let mut notes = Notes::default();
    let mut cites = Cites::new(d, lang);
    for c in &row.caveats {
        notes.mark(c.describe(lang));
    }
    let max = row
        .cells
        .iter()
        .flatten()
        .filter(|c| c.comparable)
        .map(|c| {
            c.display_high
                .unwrap_or(c.display_value)
                .abs()
                .max(c.display_value.abs())
        })
        .fold(0.0, f64::max);
    let mut years = Vec::new();
    let bars = row
        .cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let color = colours.series[i % colours.series.len()].hex();
            match c {
                Some(c) => {
                    cites.add(&c.metric.source.source);
                    if !years.contains(&c.year) {
                        years.push(c.year.clone());
                    }
                    let mut value = cell_text(c, lang);
                    value.push_str(&cell_notes(c, &mut notes, lang));
                    let frac = (c.comparable && max > 0.0 && c.display_value.is_finite())
                        .then(|| (c.display_value.abs() / max).clamp(0.0, 1.0));
                    let frac_high = frac
                        .and(c.display_high)
                        .map(|h| (h.abs() / max).clamp(0.0, 1.0));
                    if !c.comparable {
                        value.push_str(&notes.mark(t(
                            lang,
                            "单位量纲不同，未画柱",
                            "Unit of another kind; no bar drawn",
                        )));
                    }
                    Bar {
                        label: shorts[i].clone(),
                        color,
                        frac,
                        frac_high,
                        value,
                        qualifier: qualifier_key(c.metric.qualifier),
                        forecast: c.forecast,
                        detail: c
                            .metric
                            .scope
                            .as_ref()
                            .map(|s| shorten(s.get(lang), 80))
                            .unwrap_or_default(),
                    }
                }
                None => Bar {
                    label: shorts[i].clone(),
                    color,
                    frac: None,
                    frac_high: None,
                    value: t(lang, "来源中无此数字", "No figure in the sources"),
                    qualifier: String::new(),
                    forecast: false,
                    detail: String::new(),
                },
            }
        })
        .collect();
    let sep = lang.pick("，", ", ");
    Slide {
        title: shorten(&row.name, TITLE_CHARS),
        // The definitions, the unit and the years: "主导产业产值 / 集群总产值，万亿元，2023 / 约2021".
        subtitle: {
            let mut scopes: Vec<String> = Vec::new();
            for c in row.cells.iter().flatten() {
                if let Some(sc) = &c.metric.scope {
                    let sc = shorten(sc.get(lang), 40);
                    if !scopes.contains(&sc) {
                        scopes.push(sc);
                    }
                }
            }
            let mut parts = Vec::new();
            if !scopes.is_empty() {
                parts.push(scopes.join(" / "));
            }
            parts.push(row.scale.label.trim().to_owned());
            parts.push(years.join(" / "));
            shorten(&parts.join(sep), 160)
        },
        body: Body::Bars {
            bars,
            axis: row.scale.label.trim().to_owned(),
            warning: if row
                .caveats
                .iter()
                .any(|c| matches!(c, crate::compare::Caveat::Scopes(_)))
            {
                t(
                    lang,
                    "口径不同：每根柱只表示各自的数字，柱长不能直接对比（见注）",
                    "Different definitions: each bar shows its own figure; the lengths do not compare (see the notes)",
                )
            } else {
                String::new()
            },
        },
        notes: notes.finish(),
        sources: cites.line(),
    }
}

fn figures_slide(d: &Dataset, c: &Cluster, swatch: &Swatch, lang: Lang) -> Slide {
    let mut notes = Notes::default();
    let mut cites = Cites::new(d, lang);
    let mut rows = Vec::new();
    let mut metrics: Vec<_> = c.metrics.iter().collect();
    // Cluster-wide figures first, then figures about one firm or place.
    metrics.sort_by_key(|m| m.subject.is_some());
    let mut in_subjects = false;
    for m in metrics {
        if m.subject.is_some() && !in_subjects {
            in_subjects = true;
            rows.push(TableRow {
                label: t(
                    lang,
                    "关于集群内单个企业或城市的数字（不作集群间比较）",
                    "Figures about one firm or place in the cluster (never compared)",
                ),
                cells: vec![String::new(), String::new()],
                group: true,
            });
        }
        cites.add(&m.source.source);
        let name = d
            .metric_key(&m.key)
            .map(|k| k.name.get(lang).to_owned())
            .unwrap_or_else(|| m.key.clone());
        let mut label = shorten(&name, 60);
        if let Some(s) = &m.subject {
            label = format!("{}{}{}", shorten(s.get(lang), 40), sep(lang), label);
        }
        let value = format::metric(m, lang)
            .unwrap_or_else(|| format!("{} {}", format::number(m.value, lang), m.unit));
        let mut value = format!(
            "{value}{}{}",
            lang.pick(" · ", " · "),
            format::as_of(&m.as_of, lang)
        );
        if m.as_of.approximate {
            value.push_str(&notes.mark(match lang {
                Lang::Zh => "年份为推定，来源未写明。".to_owned(),
                Lang::En => format!(
                    "Year inferred, not stated in the source. {}",
                    m.as_of.note.clone().unwrap_or_default()
                ),
            }));
        }
        let scope = m
            .scope
            .as_ref()
            .map(|s| shorten(s.get(lang), 120))
            .unwrap_or_default();
        rows.push(TableRow {
            label,
            cells: vec![value, scope],
            group: false,
        });
    }
    if rows.is_empty() {
        rows.push(TableRow {
            label: t(lang, "来源未给出任何数字", "The sources give no figures"),
            cells: vec!["—".to_owned(), String::new()],
            group: true,
        });
    }
    Slide {
        title: format!(
            "{}{}",
            swatch.text,
            lang.pick("：全部数字", ": every figure")
        ),
        subtitle: shorten(c.name.get(lang), 120),
        body: Body::Table {
            header: vec![
                Swatch {
                    text: t(lang, "数值（原文写法）· 年份", "Value (as written) · year"),
                    color: swatch.color.clone(),
                    detail: String::new(),
                },
                Swatch {
                    text: t(lang, "口径", "Definition"),
                    color: String::new(),
                    detail: String::new(),
                },
            ],
            first: t(lang, "指标", "Measure"),
            rows,
            first_width: 1.2,
        },
        notes: notes.finish(),
        sources: cites.line(),
    }
}

fn targets_slide(
    d: &Dataset,
    cmp: &Comparison,
    shorts: &[String],
    colours: &tokens::Colours,
    lang: Lang,
) -> Slide {
    let mut notes = Notes::default();
    let mut cites = Cites::new(d, lang);
    let mut rows = Vec::new();
    for (i, col) in cmp.columns.iter().enumerate() {
        for tp in &col.targets {
            cites.add(&tp.target.source.source);
            let year = match tp.year {
                Some(y) => match lang {
                    Lang::Zh => format!("{y}年"),
                    Lang::En => format!("by {y}"),
                },
                None => t(lang, "未定年份", "no year set"),
            };
            let mut target = format!("{}{}{}", tp.display, lang.pick(" · ", " · "), year);
            if let Some(note) = &tp.scope_note {
                target.push_str(&notes.mark(match lang {
                    Lang::Zh => format!("目标口径：{note}；与集群数字口径不同，进度仅供参考。"),
                    Lang::En => format!(
                        "Target scope: {note}; differs from the cluster figure's, so progress is indicative only."
                    ),
                }));
            }
            let (actual, progress, progress_text) = match &tp.actual {
                Some(a) => {
                    cites.add(&a.metric.source.source);
                    let mut s = cell_text(a, lang);
                    s.push_str(&cell_notes(a, &mut notes, lang));
                    let p = tp.fraction.filter(|f| f.is_finite());
                    (
                        s,
                        p.map(|f| f.clamp(0.0, 1.0)),
                        tp.progress_text(lang).unwrap_or_default(),
                    )
                }
                None => (
                    t(lang, "无最新实际数字", "No actual figure"),
                    None,
                    String::new(),
                ),
            };
            rows.push(TargetRow {
                cluster: shorts[i].clone(),
                color: colours.series[i % colours.series.len()].hex(),
                what: shorten(&tp.name, 60),
                target,
                actual,
                progress,
                progress_text,
            });
        }
    }
    Slide {
        title: t(lang, "政策目标与进展", "Policy targets and progress"),
        subtitle: t(
            lang,
            "进度 = 最新实际数字 ÷ 目标；预计数字不计入进度",
            "Progress = latest actual figure ÷ target; forecasts never count as progress",
        ),
        body: Body::Targets {
            header: vec![
                t(lang, "集群", "Cluster"),
                t(lang, "指标", "Measure"),
                t(lang, "目标", "Target"),
                t(lang, "最新实际", "Latest actual"),
                t(lang, "进度", "Progress"),
            ],
            rows,
        },
        notes: notes.finish(),
        sources: cites.line(),
    }
}

fn category_name(c: Category, lang: Lang) -> String {
    format::category(lang, c).to_owned()
}

fn matrix_slide(d: &Dataset, cmp: &Comparison, swatches: &[Swatch], lang: Lang) -> Slide {
    let mut cites = Cites::new(d, lang);
    let rows = Category::ALL
        .iter()
        .enumerate()
        .map(|(ci, cat)| TableRow {
            label: category_name(*cat, lang),
            cells: cmp
                .columns
                .iter()
                .map(|col| {
                    let ps = &col.policies[ci].1;
                    for p in ps {
                        cites.add(&p.source.source);
                    }
                    if ps.is_empty() {
                        "—".to_owned()
                    } else {
                        ps.len().to_string()
                    }
                })
                .collect(),
            group: false,
        })
        .collect();
    Slide {
        title: t(lang, "政策工具", "Policy instruments"),
        subtitle: t(
            lang,
            "各类政策工具的政策数（一项政策可属多类）；政策名称见下一页",
            "Number of policies per instrument (a policy may count in several); titles on the next slide",
        ),
        body: Body::Table {
            header: swatches.to_vec(),
            first: t(lang, "政策工具", "Instrument"),
            rows,
            first_width: 1.3,
        },
        notes: Vec::new(),
        sources: cites.line(),
    }
}

fn policy_list_slide(d: &Dataset, cmp: &Comparison, swatches: &[Swatch], lang: Lang) -> Slide {
    let mut cites = Cites::new(d, lang);
    let mut rows = Vec::new();
    for (i, col) in cmp.columns.iter().enumerate() {
        let Some(c) = d.cluster(&col.id) else {
            continue;
        };
        rows.push(TableRow {
            label: swatches[i].text.clone(),
            cells: vec![String::new(), String::new()],
            group: true,
        });
        if c.policies.is_empty() {
            rows.push(TableRow {
                label: t(lang, "来源未提及政策", "No policies in the sources"),
                cells: vec![String::new(), String::new()],
                group: false,
            });
        }
        for p in &c.policies {
            cites.add(&p.source.source);
            let issuer_year = match p.year {
                Some(y) => format!("{}{}{y}", p.issuer.get(lang), sep(lang)),
                None => p.issuer.get(lang).to_owned(),
            };
            let cats: Vec<String> = p
                .categories
                .iter()
                .map(|c| category_name(*c, lang))
                .collect();
            rows.push(TableRow {
                label: shorten(p.title.get(lang), 120),
                cells: vec![shorten(&issuer_year, 80), cats.join(lang.pick("、", ", "))],
                group: false,
            });
        }
    }
    Slide {
        title: t(lang, "政策一览", "The policies"),
        subtitle: t(
            lang,
            "各集群的政策：名称、发布方与年份、政策工具类别",
            "Each cluster's policies: title, issuer and year, instrument categories",
        ),
        body: Body::Table {
            header: vec![
                Swatch {
                    text: t(lang, "发布方 · 年份", "Issuer · year"),
                    color: String::new(),
                    detail: String::new(),
                },
                Swatch {
                    text: t(lang, "类别", "Categories"),
                    color: String::new(),
                    detail: String::new(),
                },
            ],
            first: t(lang, "政策", "Policy"),
            rows,
            first_width: 1.6,
        },
        notes: Vec::new(),
        sources: cites.line(),
    }
}

/// The map of national clusters by province.
fn map_slide(d: &Dataset, dark: bool, lang: Lang) -> Slide {
    use crate::map::{self, Mode};
    let m = map::map_data(d, Mode::National, lang);
    let ramp = tokens::map_ramp(dark);
    let colours = tokens::colours(dark);
    let fill = |shade: Option<usize>| match shade {
        None => ramp.no_data,
        Some(0) => ramp.zero,
        Some(s) => ramp.steps[(s - 1).min(4)],
    };
    // Light text on the strongest colours of the light ramp, dark text on
    // the strongest of the dark ramp.
    let ink = |shade: Option<usize>| match (shade.is_some_and(|s| s >= 4), dark) {
        (true, false) => tokens::Rgb(0xff, 0xff, 0xff),
        (true, true) => tokens::Rgb(0x10, 0x14, 0x18),
        _ => colours.text,
    };
    let mut cites = Cites::new(d, lang);
    for c in d.clusters.iter().filter(|c| map::counts_as_national(c)) {
        if let Some(x) = &c.designation {
            cites.add(&x.source.source);
        }
    }
    let mut legend: Vec<Swatch> = m
        .steps
        .iter()
        .enumerate()
        .map(|(i, st)| {
            let shade = if i == 0 {
                0
            } else {
                1 + map::ramp_index(i, m.steps.len() - 1)
            };
            Swatch {
                text: st.label(),
                color: fill(Some(shade)).hex(),
                detail: String::new(),
            }
        })
        .collect();
    legend.push(Swatch {
        text: t(lang, "无数据", "no data"),
        color: ramp.no_data.hex(),
        detail: String::new(),
    });
    let mut notes = Notes::default();
    let spanning: Vec<String> = d
        .clusters
        .iter()
        .filter(|c| map::counts_as_national(c) && c.provinces.len() > 1)
        .map(|c| short_name(c, lang))
        .collect();
    if !spanning.is_empty() {
        notes.mark(match lang {
            Lang::Zh => format!("跨省集群在所涉各省均计数：{}。", spanning.join("、")),
            Lang::En => format!(
                "Clusters spanning provinces count in each: {}.",
                spanning.join("; ")
            ),
        });
    }
    if let Some(cov) = format::register_coverage(d, lang) {
        notes.mark(match lang {
            Lang::Zh => format!("{cov}；名录不完整。"),
            Lang::En => format!("{cov}: the register is incomplete."),
        });
    }
    Slide {
        title: t(
            lang,
            "国家先进制造业集群分布",
            "Where the national clusters are",
        ),
        subtitle: m.caption.clone(),
        body: Body::Map {
            rows: m.rows,
            cols: m.cols,
            tiles: m
                .tiles
                .iter()
                .map(|tile| MapTile {
                    row: tile.row,
                    col: tile.col,
                    label: tile.short.to_owned(),
                    count: tile.count.map(|c| c.to_string()).unwrap_or_default(),
                    fill: fill(tile.shade).hex(),
                    ink: ink(tile.shade).hex(),
                    no_data: tile.count.is_none(),
                })
                .collect(),
            legend,
        },
        notes: notes.finish(),
        sources: cites.line(),
    }
}

fn context_slides(d: &Dataset, colours: &tokens::Colours, dark: bool, lang: Lang) -> Vec<Slide> {
    let mut slides = vec![map_slide(d, dark, lang)];
    let Some(comp) = &d.context.competition else {
        return slides;
    };
    let mut cites = Cites::new(d, lang);
    cites.add(&comp.source.source);
    let scope = shorten(comp.breakdown_scope.get(lang), 120);
    let mk = |title: String, counts: &[crate::model::Count]| {
        let max = counts.iter().map(|c| c.count).max().unwrap_or(0) as f64;
        let mut counts: Vec<_> = counts.iter().collect();
        counts.sort_by_key(|c| std::cmp::Reverse(c.count));
        Slide {
            title,
            subtitle: scope.clone(),
            body: Body::Bars {
                bars: counts
                    .iter()
                    .map(|c| Bar {
                        label: shorten_words(c.name.get(lang), short_chars(lang)),
                        color: colours.context.hex(),
                        frac: (max > 0.0).then(|| c.count as f64 / max),
                        frac_high: None,
                        value: c.count.to_string(),
                        qualifier: "exact".into(),
                        forecast: false,
                        detail: String::new(),
                    })
                    .collect(),
                axis: t(lang, "个", "clusters"),
                warning: String::new(),
            },
            notes: Vec::new(),
            sources: cites.line(),
        }
    };
    slides.push(mk(
        t(
            lang,
            "集群竞赛优胜者：按省份",
            "Competition winners by province",
        ),
        &comp.by_province,
    ));
    slides.push(mk(
        t(
            lang,
            "集群竞赛优胜者：按产业",
            "Competition winners by industry",
        ),
        &comp.by_industry,
    ));
    slides
}

fn sources_slide(d: &Dataset, clusters: &[&Cluster], context: bool, lang: Lang) -> Slide {
    // Quotes by source id, in the order they are first cited.
    let mut quotes: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut add = |src: &'_ str, q: &str| {
        let list = quotes.entry(
            d.sources
                .iter()
                .find(|s| s.id == src)
                .map(|s| s.id.as_str())
                .unwrap_or(""),
        );
        let v = list.or_default();
        let q = format!("“{}”", shorten(q, CELL_CHARS));
        if !v.contains(&q) {
            v.push(q);
        }
    };
    for c in clusters {
        for m in &c.metrics {
            add(&m.source.source, &m.source.quote);
        }
        for x in &c.targets {
            add(&x.source.source, &x.source.quote);
        }
        for p in &c.policies {
            add(&p.source.source, &p.source.quote);
        }
        if let Some(x) = &c.designation {
            add(&x.source.source, &x.source.quote);
        }
    }
    if context {
        if let Some(comp) = &d.context.competition {
            add(&comp.source.source, &comp.source.quote);
        }
        // The map slide cites every national cluster's designation.
        for c in d
            .clusters
            .iter()
            .filter(|c| crate::map::counts_as_national(c))
        {
            if let Some(x) = &c.designation {
                add(&x.source.source, &x.source.quote);
            }
        }
    }
    let items = d
        .sources
        .iter()
        .filter_map(|s| {
            let q = quotes.get(s.id.as_str())?;
            let mut head = format!(
                "{}{}{}{}{}",
                s.publisher.get(lang),
                sep(lang),
                s.date,
                lang.pick("：", ": "),
                s.title.get(lang)
            );
            if s.date_approximate {
                head.push_str(lang.pick("（日期为推定）", " (date inferred)"));
            }
            // A web page is named by its address too (and when it was read).
            if let Some(url) = &s.url {
                head.push('\n');
                head.push_str(&shorten(url, 160));
                if let Some(a) = &s.accessed {
                    head.push_str(&match lang {
                        Lang::Zh => format!("（{a}访问）"),
                        Lang::En => format!(" (read {a})"),
                    });
                }
            }
            Some(SourceItem {
                head: shorten(&head, CELL_CHARS),
                quotes: q.clone(),
            })
        })
        .collect();
    Slide {
        title: t(lang, "来源", "Sources"),
        subtitle: t(
            lang,
            "每个数字所依据的文件与原文措辞",
            "The documents every figure comes from, with the phrases as written",
        ),
        body: Body::Sources { items },
        notes: Vec::new(),
        sources: String::new(),
    }
}

//! The cluster data format (JSON, versioned). Plain data: no egui, no I/O.
//!
//! A [`Dataset`] lists its sources, the metric keys it uses, the clusters, and
//! national / provincial context. Every figure carries a [`Citation`]: the id of
//! a source document and the phrase as written there.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::units::Dimension;

#[path = "model/chain.rs"]
mod chain;
#[path = "model/context.rs"]
mod context;
#[path = "model/field.rs"]
mod field;
#[path = "model/note.rs"]
mod note;
#[path = "model/query.rs"]
mod query;
pub use chain::*;
pub use context::*;
pub use field::{ClusterField, Field};
use note::{NoteSchema, note};
pub use query::Summary;

/// The format version this build writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 3;

/// The oldest format version this build still reads. Version 1 files load
/// unchanged: every field version 2 added is optional with a default.
pub const MIN_FORMAT_VERSION: u32 = 1;

fn yes() -> bool {
    true
}

/// Text in both languages. `en` may be empty when no translation exists yet;
/// [`Text::get`] then falls back to Chinese.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Chinese, as the sources write it.
    pub zh: String,
    /// English.
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to the other language when empty.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh if !self.zh.is_empty() => &self.zh,
            Lang::En if !self.en.is_empty() => &self.en,
            _ if self.zh.is_empty() => &self.en,
            _ => &self.zh,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.zh.trim().is_empty() && self.en.trim().is_empty()
    }

    /// A note written in one language only (the older form of date and year
    /// notes): Chinese where it holds more Chinese characters than Latin
    /// letters, English otherwise; the other half stays empty, so
    /// [`Text::get`] shows it in either language.
    pub fn from_one(s: &str) -> Self {
        let han = s
            .chars()
            .filter(|c| matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'))
            .count();
        let latin = s.chars().filter(|c| c.is_ascii_alphabetic()).count();
        if han > latin {
            Self::new(s, "")
        } else {
            Self::new("", s)
        }
    }
}

/// Display language for names, labels and number formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Picks the text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// A whole dataset file.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Format version: 2 (version 1 files still load).
    pub format_version: u32,
    /// What the dataset is.
    #[serde(default)]
    pub title: Text,
    /// The documents that figures cite.
    pub sources: Vec<Source>,
    /// The metric and target keys used in this file, with their names.
    pub metric_keys: Vec<MetricKey>,
    pub clusters: Vec<Cluster>,
    /// National and provincial context beside the clusters.
    #[serde(default)]
    pub context: Context,
    /// The national register: the published lists of national clusters and
    /// what they announced (version 2).
    #[serde(default)]
    pub register: Option<Register>,
    /// `"embedded"`: this file adds to the embedded register rather than
    /// replacing it: its clusters are added, and its figures, targets and
    /// policies for a register cluster are added to that cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// What came from the user's file where this dataset is one laid over
    /// the embedded register: set by the loader, not part of the format.
    #[serde(skip)]
    pub yours: Option<crate::yours::Yours>,
}

/// The published lists (batches) of national advanced manufacturing clusters.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Register {
    #[serde(default)]
    pub batches: Vec<RegisterBatch>,
    /// What the register covers and where it is incomplete.
    #[serde(default)]
    pub notes: Vec<Text>,
}

/// One published list: its number, year and how many clusters it announced.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterBatch {
    /// 1 = the first list (2022), 2 = the second (2024). Unique.
    pub batch: u32,
    /// The year the list was announced.
    pub year: i32,
    /// How many clusters the cited source says the list holds. How many the
    /// dataset names is derived from the clusters' `designation.batch`.
    pub announced: u32,
    pub name: Text,
    pub source: Citation,
}

/// A source document.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short id that citations use, e.g. `src-000`.
    pub id: String,
    /// Title as published.
    pub title: Text,
    /// Publisher (newspaper, journal, think tank).
    pub publisher: Text,
    /// Author(s), where named.
    #[serde(default)]
    pub author: Option<Text>,
    /// Publication date as precise as known: `2021`, `2021-07` or `2021-07-05`.
    pub date: String,
    /// True where the date is inferred from the content rather than printed.
    #[serde(default)]
    pub date_approximate: bool,
    /// Why the date is approximate, in both languages (a string, the older
    /// one-language form, is read too).
    #[serde(default, deserialize_with = "note")]
    #[schemars(with = "Option<NoteSchema>")]
    pub date_note: Option<Text>,
    /// The file name of the document in the project's source collection.
    /// A source has a `file` or a `url`.
    #[serde(default)]
    pub file: Option<String>,
    /// The web page's address (`https://...`), for web sources (version 2).
    #[serde(default)]
    pub url: Option<String>,
    /// The date the page was read, `YYYY-MM-DD` (version 2).
    #[serde(default)]
    pub accessed: Option<String>,
    /// Where the address is a copy of the publisher's text on another
    /// domain: that domain (version 3).
    #[serde(default)]
    pub copy_on: Option<String>,
}

/// The definition a figure has where its source does not settle one: it
/// is shown, but compares with nothing (version 3).
pub const UNSPECIFIED: &str = "unspecified";

/// A metric key: the name of a kind of figure (output value, firm count...).
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricKey {
    /// snake_case key, e.g. `output_value`.
    pub key: String,
    pub name: Text,
    /// Shown as a headline card and offered first in charts.
    #[serde(default)]
    pub headline: bool,
    /// What the figures measure; a figure in a unit of another dimension is
    /// refused (version 3).
    #[serde(default)]
    pub dimension: Option<Dimension>,
    /// The closed list of definitions a figure of this key may have (total
    /// output of the cluster, output of its leading industries, revenue...).
    /// Where it is given, every figure and target of the key names one, or
    /// `unspecified`; figures compare only when their definitions are equal
    /// (version 3).
    #[serde(default)]
    pub definitions: Vec<Definition>,
}

impl MetricKey {
    /// The declared definition keys, for messages.
    pub fn definition_keys(&self) -> Vec<&str> {
        self.definitions.iter().map(|d| d.key.as_str()).collect()
    }

    /// The name of a definition of this key; `None` for `unspecified` or an
    /// undeclared one.
    pub fn definition(&self, key: &str) -> Option<&Definition> {
        self.definitions.iter().find(|d| d.key == key)
    }
}

/// One definition of a metric key: what exactly a figure counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// snake_case, e.g. `leading_industry_output`.
    pub key: String,
    pub name: Text,
}

/// Where a figure comes from: a source id and the phrase as written there.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Id of an entry in `sources`.
    pub source: String,
    /// The phrase as written in the document, e.g. `总产值超过5700亿元`.
    pub quote: String,
}

/// How a written number relates to the real one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The figure as stated, no hedge.
    #[default]
    Exact,
    /// 超过 / 超 / 突破: more than.
    MoreThan,
    /// 以上 / 不少于: at least.
    AtLeast,
    /// 约 / 左右: about.
    About,
    /// 近: nearly (just under).
    Nearly,
    /// 不足 / 低于: less than.
    LessThan,
    /// 最高达 / 高达: up to, at most (version 2).
    UpTo,
}

/// Which side of a bound a qualified figure lies on: the true value is
/// above the written number, below it, near it, or it is exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bound {
    Exact,
    /// The true value is greater than (or equal to) the number written.
    Lower,
    /// The true value is less than (or equal to) the number written.
    Upper,
    /// The true value is near the number written, on either side.
    Approximate,
}

impl Qualifier {
    /// What the qualifier says about where the true value lies.
    pub fn bound(self) -> Bound {
        match self {
            Qualifier::Exact => Bound::Exact,
            Qualifier::MoreThan | Qualifier::AtLeast => Bound::Lower,
            Qualifier::LessThan | Qualifier::UpTo => Bound::Upper,
            Qualifier::About | Qualifier::Nearly => Bound::Approximate,
        }
    }
}

/// The year a figure refers to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AsOf {
    pub year: i32,
    /// True where the source does not state the year (e.g. "目前").
    #[serde(default)]
    pub approximate: bool,
    /// Why the year is approximate, or what period it covers, in both
    /// languages (a string, the older one-language form, is read too).
    #[serde(default, deserialize_with = "note")]
    #[schemars(with = "Option<NoteSchema>")]
    pub note: Option<Text>,
}

/// A figure: measured, or (with `forecast`) expected.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// A key from `metric_keys`.
    pub key: String,
    /// The figure, or the low end of a range.
    pub value: f64,
    /// The high end of a range (`85%—90%`: value 85, value_high 90), in the
    /// same unit; `value <= value_high` (version 2).
    #[serde(default)]
    pub value_high: Option<f64>,
    /// An expected or planned figure (将达, 预计, 有望), not a measured one:
    /// marked wherever shown, never the latest actual, never progress
    /// towards a target (version 2).
    #[serde(default)]
    pub forecast: bool,
    /// A unit from the unit registry (`亿元`, `家`, `万辆`, `%`, `GWh`, ...), as written.
    pub unit: String,
    #[serde(default)]
    pub qualifier: Qualifier,
    pub as_of: AsOf,
    /// Definition or scope, e.g. "all firms in the cluster" vs "firms above the
    /// statistical size threshold". Figures with different scopes are flagged
    /// when they share a chart.
    #[serde(default)]
    pub scope: Option<Text>,
    /// Set where the figure is about one firm or place inside the cluster, not
    /// the cluster as a whole. Such figures are shown but never compared.
    #[serde(default)]
    pub subject: Option<Text>,
    /// A definition key of the metric key, or `unspecified`; `scope` keeps
    /// the wording as written beside it (version 3).
    #[serde(default)]
    pub definition: Option<String>,
    pub source: Citation,
}

/// A policy target.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// A key from `metric_keys`; progress is shown against the latest metric of the same key.
    pub key: String,
    pub value: f64,
    pub unit: String,
    #[serde(default)]
    pub qualifier: Qualifier,
    /// The year the target is to be met; `None` where the source sets no year.
    #[serde(default)]
    pub year: Option<i32>,
    /// The year the plan starts from, where known.
    #[serde(default)]
    pub baseline_year: Option<i32>,
    /// Scope of the target where it differs from the cluster, e.g. the whole province.
    #[serde(default)]
    pub scope: Option<Text>,
    /// Id of the policy (in this cluster's `policies`) that sets the target.
    #[serde(default)]
    pub policy: Option<String>,
    /// A definition key of the metric key, or `unspecified` (version 3).
    #[serde(default)]
    pub definition: Option<String>,
    pub source: Citation,
}

/// Level of government that designates or runs a cluster.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    #[default]
    National,
    Provincial,
    Municipal,
    County,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::National,
        Level::Provincial,
        Level::Municipal,
        Level::County,
    ];
}

/// How the cluster was designated.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Designation {
    /// Designating body, e.g. MIIT.
    pub body: Text,
    /// Programme or list, e.g. national advanced manufacturing cluster.
    pub programme: Text,
    /// Year of the list, where known.
    #[serde(default)]
    pub year: Option<i32>,
    /// True where the year is inferred.
    #[serde(default)]
    pub year_approximate: bool,
    /// Round or batch, e.g. "first batch".
    #[serde(default)]
    pub round: Option<Text>,
    pub source: Citation,
    /// The national list: 1 = first (2022, 45 clusters), 2 = second (2024,
    /// 35 clusters) (version 2).
    #[serde(default)]
    pub batch: Option<u32>,
    /// The position where the published list ranks or numbers the clusters.
    #[serde(default)]
    pub rank: Option<u32>,
    /// The name exactly as the cited page prints it.
    #[serde(default)]
    pub name_as_listed: Option<String>,
    /// False where the only name found is a shortened or unofficial form.
    #[serde(default = "yes")]
    pub official_name: bool,
    /// Further pages that name the cluster.
    #[serde(default)]
    pub other_sources: Vec<Citation>,
    /// Where two pages disagree: both readings and which page says what.
    #[serde(default)]
    pub disagreement: Option<Text>,
}

impl Default for Designation {
    fn default() -> Self {
        Self {
            body: Text::default(),
            programme: Text::default(),
            year: None,
            year_approximate: false,
            round: None,
            source: Citation::default(),
            batch: None,
            rank: None,
            name_as_listed: None,
            official_name: true,
            other_sources: Vec::new(),
            disagreement: None,
        }
    }
}

/// A city (or county, district) of the cluster and its role.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub name: Text,
    #[serde(default)]
    pub role: Option<Text>,
    #[serde(default)]
    pub source: Option<Citation>,
}

/// The cluster development promotion organisation (集群发展促进机构).
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: Text,
    #[serde(default)]
    pub founded: Option<i32>,
    /// What it does, in a few words.
    #[serde(default)]
    pub role: Option<Text>,
    pub source: Citation,
}

/// One cluster.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    /// Stable kebab-case id, e.g. `shenzhen-battery-materials`.
    pub id: String,
    pub name: Text,
    /// A short form for chart labels and slide bodies, e.g. `深圳电池材料`
    /// (version 2); the full name stays in titles and sources.
    #[serde(default)]
    pub short_name: Option<Text>,
    pub level: Level,
    #[serde(default)]
    pub designation: Option<Designation>,
    /// Province(s) the cluster lies in.
    pub provinces: Vec<Text>,
    #[serde(default)]
    pub places: Vec<Place>,
    /// Industry, in a few words.
    pub industry: Text,
    /// Which of MIIT's six fields the cluster belongs to, sourced where a
    /// page states it, marked `assigned` where inferred from its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<ClusterField>,
    #[serde(default)]
    pub promotion_org: Option<Organisation>,
    #[serde(default)]
    pub chain: Vec<Segment>,
    #[serde(default)]
    pub lead_firms: Vec<Firm>,
    #[serde(default)]
    pub metrics: Vec<Metric>,
    #[serde(default)]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub policies: Vec<Policy>,
    /// Free notes on gaps and caveats in the data.
    #[serde(default)]
    pub notes: Vec<Text>,
}

impl Metric {
    /// True where the figure is a range (`value_high` set).
    pub fn is_range(&self) -> bool {
        self.value_high.is_some()
    }
}

//! The national and provincial context a dataset carries: counts per
//! province, competition rounds, provincial cluster systems, national
//! industry figures and the timeline.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::*;

/// A count by category, e.g. competition winners by industry.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub name: Text,
    pub count: u32,
}

/// A round of MIIT's advanced manufacturing cluster competition.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompetitionRound {
    pub name: Text,
    /// When it was launched, e.g. `2019-08`.
    pub launched: String,
    pub winners: u32,
    pub source: Citation,
}

/// The national cluster competition: rounds and the combined winners.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Competition {
    pub rounds: Vec<CompetitionRound>,
    /// What the breakdowns below cover, e.g. "both preliminary rounds, 44 winners".
    pub breakdown_scope: Text,
    pub by_industry: Vec<Count>,
    pub by_province: Vec<Count>,
    pub source: Citation,
}

/// A province's cluster policy system.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProvincialSystem {
    pub province: Text,
    pub summary: Text,
    #[serde(default)]
    pub policies: Vec<Policy>,
    #[serde(default)]
    pub metrics: Vec<Metric>,
    /// Ids of clusters in this dataset that belong to the system.
    #[serde(default)]
    pub clusters: Vec<String>,
}

/// Figures for a whole national industry.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndustryFigures {
    /// snake_case id.
    pub id: String,
    pub industry: Text,
    pub metrics: Vec<Metric>,
}

/// A dated event in a policy timeline.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimelineEvent {
    /// `2019`, `2019-08` or `2019-08-15`.
    pub date: String,
    pub title: Text,
    /// e.g. national, provincial, international.
    #[serde(default)]
    pub scope: Option<Text>,
    pub source: Citation,
    /// True where the source says 日前 or gives no year (version 2).
    #[serde(default)]
    pub date_approximate: bool,
    /// Why the date is approximate, in both languages (a string, the older
    /// one-language form, is read too).
    #[serde(default, deserialize_with = "note")]
    #[schemars(with = "Option<NoteSchema>")]
    pub date_note: Option<Text>,
}

/// National and provincial context.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Context {
    #[serde(default)]
    pub competition: Option<Competition>,
    #[serde(default)]
    pub provincial_systems: Vec<ProvincialSystem>,
    #[serde(default)]
    pub national_figures: Vec<IndustryFigures>,
    #[serde(default)]
    pub timeline: Vec<TimelineEvent>,
}

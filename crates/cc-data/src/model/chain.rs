//! A cluster's chain (stages, segments, lead firms) and its policy
//! instruments.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::*;

/// Position of a segment in the chain.
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
pub enum Stage {
    #[default]
    Upstream,
    Midstream,
    Downstream,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Upstream, Stage::Midstream, Stage::Downstream];
}

/// A segment of the industrial chain.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// snake_case key that firms refer to.
    pub key: String,
    pub stage: Stage,
    pub name: Text,
}

/// A lead firm (or institution) and the segment it works in.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Firm {
    pub name: Text,
    /// Key of a segment of this cluster's chain.
    pub segment: String,
    /// Its standing, e.g. "world's largest anode maker".
    #[serde(default)]
    pub note: Option<Text>,
    pub source: Citation,
}

/// Policy instrument categories: one fixed taxonomy, grounded in the sources.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Plans, action plans and quantified targets.
    PlanningTargets,
    /// Talent attraction and training.
    Talent,
    /// Funds, subsidies, finance.
    FinanceFunds,
    /// Public service platforms: testing, certification, R&D platforms.
    PublicPlatforms,
    /// Promotion organisations, governance, leadership mechanisms.
    PromotionGovernance,
    /// Demand side: procurement, demonstration, market access.
    DemandMarket,
    /// Chain building, lead (链主) firms, firm pools.
    ChainLeadFirms,
    /// Digital and intelligent transformation.
    DigitalTransformation,
    /// Cooperation across cities and regions.
    CrossRegional,
    /// Going abroad: overseas plants, markets, IP.
    GoingAbroad,
}

impl Category {
    pub const ALL: [Category; 10] = [
        Category::PlanningTargets,
        Category::Talent,
        Category::FinanceFunds,
        Category::PublicPlatforms,
        Category::PromotionGovernance,
        Category::DemandMarket,
        Category::ChainLeadFirms,
        Category::DigitalTransformation,
        Category::CrossRegional,
        Category::GoingAbroad,
    ];
}

/// A policy document or instrument.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Id unique within the dataset; targets refer to it.
    pub id: String,
    pub title: Text,
    pub issuer: Text,
    #[serde(default)]
    pub year: Option<i32>,
    /// At least one category.
    pub categories: Vec<Category>,
    /// What it does, in a few words.
    #[serde(default)]
    pub summary: Option<Text>,
    pub source: Citation,
}

//! MIIT's six fields of the national clusters, and how a cluster's is known.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Lang};

/// MIIT's six fields of the national advanced manufacturing clusters (as
/// the 2022 list groups its 45 clusters).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// 新一代信息技术.
    NextGenerationIt,
    /// 高端装备.
    HighEndEquipment,
    /// 新材料.
    NewMaterials,
    /// 生物医药及高端医疗器械.
    BiomedicineMedicalDevices,
    /// 消费品.
    ConsumerGoods,
    /// 新能源及智能网联汽车.
    NewEnergyConnectedVehicles,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::NextGenerationIt,
        Field::HighEndEquipment,
        Field::NewMaterials,
        Field::BiomedicineMedicalDevices,
        Field::ConsumerGoods,
        Field::NewEnergyConnectedVehicles,
    ];

    /// The field's name as MIIT writes it, and in English.
    pub fn name(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Field::NextGenerationIt => ("新一代信息技术", "Next-generation IT"),
            Field::HighEndEquipment => ("高端装备", "High-end equipment"),
            Field::NewMaterials => ("新材料", "New materials"),
            Field::BiomedicineMedicalDevices => (
                "生物医药及高端医疗器械",
                "Biomedicine & high-end medical devices",
            ),
            Field::ConsumerGoods => ("消费品", "Consumer goods"),
            Field::NewEnergyConnectedVehicles => (
                "新能源及智能网联汽车",
                "New energy & intelligent connected vehicles",
            ),
        };
        lang.pick(zh, en)
    }

    /// How many of the 45 clusters of the 2022 list MIIT placed in the
    /// field (its announcement as reported by 南方都市报 and 中新社, 2022-11-30).
    pub fn count_2022(self) -> u32 {
        match self {
            Field::NextGenerationIt | Field::HighEndEquipment => 13,
            Field::NewMaterials => 7,
            Field::BiomedicineMedicalDevices => 5,
            Field::ConsumerGoods => 4,
            Field::NewEnergyConnectedVehicles => 3,
        }
    }
}

/// A cluster's field and how it is known: a page that states it, or
/// `assigned` (inferred from the cluster's name and industry).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClusterField {
    pub field: Field,
    /// True where no page states the field: it is inferred from the name.
    #[serde(default)]
    pub assigned: bool,
    /// The page that states the field (absent where assigned).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
}

//! The cluster filters the picker offers (search text, level, industry,
//! province, designation year), as a plain predicate: the picker's list, the
//! Table tab and the `table` command all filter through here. No egui.

use cc_data::model::{Cluster, Dataset, Field, Lang, Level};

/// What the user filters the clusters by. `industry` and `province` hold the
/// name in the display language (as the picker's drop-downs show it).
#[derive(Default, Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Filters {
    pub query: String,
    pub level: Option<Level>,
    pub industry: Option<String>,
    pub province: Option<String>,
    pub year: Option<i32>,
    /// One of MIIT's six fields (stated or assigned).
    #[serde(default)]
    pub field: Option<Field>,
}

impl Filters {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty()
            && self.level.is_none()
            && self.industry.is_none()
            && self.province.is_none()
            && self.year.is_none()
            && self.field.is_none()
    }

    /// Whether `c` passes: the query matches the id, the Chinese name or the
    /// English name (case-insensitive), and every set filter matches.
    pub fn matches(&self, c: &Cluster, lang: Lang) -> bool {
        let raw = self.query.trim();
        let q = raw.to_lowercase();
        (q.is_empty()
            || c.id.contains(&q)
            || c.name.zh.contains(raw)
            || c.name.en.to_lowercase().contains(&q))
            && self.level.is_none_or(|l| l == c.level)
            && self
                .industry
                .as_deref()
                .is_none_or(|s| c.industry.get(lang) == s)
            && self.province.as_deref().is_none_or(|s| {
                c.provinces
                    .iter()
                    .any(|p| crate::map::same_province(p.get(lang), s))
            })
            && self.year.is_none_or(|y| c.designation_year() == Some(y))
            && crate::map::in_field(c, self.field)
    }
}

/// Indices of the clusters that pass the filters, in dataset order.
pub fn filter(d: &Dataset, f: &Filters, lang: Lang) -> Vec<usize> {
    (0..d.clusters.len())
        .filter(|&i| f.matches(&d.clusters[i], lang))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use cc_data::model::Text;

    fn cluster(id: &str, zh: &str, en: &str, level: Level, province: &str) -> Cluster {
        Cluster {
            id: id.into(),
            name: Text::new(zh, en),
            level,
            provinces: vec![Text::new(province, "")],
            industry: Text::new("电池", "Batteries"),
            ..Default::default()
        }
    }

    #[test]
    fn query_matches_id_and_both_names() {
        let d = Dataset {
            clusters: vec![
                cluster(
                    "a-lithium",
                    "宜春锂电",
                    "Yichun Lithium",
                    Level::National,
                    "江西",
                ),
                cluster(
                    "b-other",
                    "长沙计算",
                    "Changsha Computing",
                    Level::County,
                    "湖南",
                ),
            ],
            ..Default::default()
        };
        let f = |query: &str| Filters {
            query: query.into(),
            ..Default::default()
        };
        assert_eq!(filter(&d, &f("LITHIUM"), Lang::En), [0]);
        assert_eq!(filter(&d, &f("长沙"), Lang::Zh), [1]);
        assert_eq!(filter(&d, &f("b-oth"), Lang::Zh), [1]);
        assert_eq!(filter(&d, &f(""), Lang::Zh), [0, 1]);
        let by_level = Filters {
            level: Some(Level::County),
            ..Default::default()
        };
        assert_eq!(filter(&d, &by_level, Lang::Zh), [1]);
        let by_province = Filters {
            province: Some("江西".into()),
            ..Default::default()
        };
        assert_eq!(
            filter(&d, &by_province, Lang::En),
            [0],
            "falls back to Chinese"
        );
        assert!(!by_province.is_empty());
        assert!(Filters::default().is_empty());
    }
}

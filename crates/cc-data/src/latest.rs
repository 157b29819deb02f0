//! The latest cluster-wide figure of every metric of a cluster, found in one
//! pass. [`Cluster::latest`] and [`Cluster::latest_actual`] scan all figures
//! for one key; code that asks per target (thousands of targets on a cluster
//! with thousands of figures) asks this index instead, so the work stays linear.

use std::collections::HashMap;

use crate::model::{Cluster, Metric};

/// Per metric key: the latest measured figure and the latest forecast, chosen
/// as [`Cluster::latest_actual`] chooses (the last of the latest year).
#[derive(Debug, Default)]
pub struct Latest<'a> {
    actual: HashMap<&'a str, &'a Metric>,
    forecast: HashMap<&'a str, &'a Metric>,
}

impl<'a> Latest<'a> {
    pub fn of(c: &'a Cluster) -> Self {
        let mut l = Latest::default();
        for m in c.metrics.iter().filter(|m| m.subject.is_none()) {
            let map = if m.forecast {
                &mut l.forecast
            } else {
                &mut l.actual
            };
            map.entry(m.key.as_str())
                .and_modify(|e| {
                    if m.as_of.year >= e.as_of.year {
                        *e = m;
                    }
                })
                .or_insert(m);
        }
        l
    }

    /// As [`Cluster::latest_actual`].
    pub fn actual(&self, key: &str) -> Option<&'a Metric> {
        self.actual.get(key).copied()
    }

    /// As [`Cluster::latest`]: the latest measured figure, else the latest forecast.
    pub fn any(&self, key: &str) -> Option<&'a Metric> {
        self.actual(key).or_else(|| self.forecast.get(key).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_agrees_with_the_scans() {
        let d = crate::load::load_embedded().unwrap().dataset;
        for c in &d.clusters {
            let l = Latest::of(c);
            for m in &c.metrics {
                let (a, b) = (l.actual(&m.key), c.latest_actual(&m.key));
                assert!(a.map(|m| m as *const _) == b.map(|m| m as *const _));
                let (a, b) = (l.any(&m.key), c.latest(&m.key));
                assert!(a.map(|m| m as *const _) == b.map(|m| m as *const _));
            }
        }
    }
}

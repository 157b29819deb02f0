//! What a dataset answers: a cluster or source by id, the register's
//! coverage, a summary of its counts, the dataset as JSON again.

use super::*;

impl Dataset {
    /// The dataset as a JSON file the loader reads back the same (fields
    /// that are not set are left out).
    pub fn to_json(&self) -> String {
        fn strip(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(m) => {
                    m.retain(|_, v| !v.is_null());
                    m.values_mut().for_each(strip);
                }
                serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
                _ => {}
            }
        }
        let mut v = serde_json::to_value(self).unwrap_or_default();
        strip(&mut v);
        let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
        s.push('\n');
        s
    }

    /// How many clusters of national batch `batch` the dataset names (their
    /// `designation.batch`), for "named: 52 of 80".
    pub fn named_in_batch(&self, batch: u32) -> usize {
        self.clusters.iter().filter(|c| c.in_batch(batch)).count()
    }

    /// How many clusters name each batch, counted in one pass (a register
    /// of many batches would otherwise count every cluster per batch).
    pub fn named_by_batch(&self) -> std::collections::HashMap<u32, usize> {
        let mut n = std::collections::HashMap::new();
        for b in self
            .clusters
            .iter()
            .filter_map(|c| c.designation.as_ref()?.batch)
        {
            *n.entry(b).or_insert(0) += 1;
        }
        n
    }

    /// How many clusters of the national register the dataset names, and how
    /// many the lists announced (`(68, 80)`, summed without overflow); `None`
    /// without a register.
    pub fn register_named(&self) -> Option<(usize, u64)> {
        let r = self.register.as_ref()?;
        let named = self.named_by_batch();
        // A batch listed twice (an error of its own) is counted once.
        let batches: std::collections::HashSet<u32> = r.batches.iter().map(|b| b.batch).collect();
        Some((
            batches
                .iter()
                .map(|b| named.get(b).copied().unwrap_or(0))
                .sum(),
            r.batches.iter().map(|b| u64::from(b.announced)).sum(),
        ))
    }

    pub fn cluster(&self, id: &str) -> Option<&Cluster> {
        self.clusters.iter().find(|c| c.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn metric_key(&self, key: &str) -> Option<&MetricKey> {
        self.metric_keys.iter().find(|k| k.key == key)
    }

    /// Counts for a one-line summary.
    pub fn summary(&self) -> Summary {
        let ctx_metrics: usize = self
            .context
            .national_figures
            .iter()
            .map(|f| f.metrics.len())
            .chain(
                self.context
                    .provincial_systems
                    .iter()
                    .map(|p| p.metrics.len()),
            )
            .sum();
        Summary {
            clusters: self.clusters.len(),
            metrics: self.clusters.iter().map(|c| c.metrics.len()).sum::<usize>() + ctx_metrics,
            targets: self.clusters.iter().map(|c| c.targets.len()).sum(),
            policies: self
                .clusters
                .iter()
                .map(|c| c.policies.len())
                .sum::<usize>()
                + self
                    .context
                    .provincial_systems
                    .iter()
                    .map(|p| p.policies.len())
                    .sum::<usize>(),
            sources: self.sources.len(),
        }
    }
}

/// Counts of what a dataset holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    pub clusters: usize,
    pub metrics: usize,
    pub targets: usize,
    pub policies: usize,
    pub sources: usize,
}

impl Cluster {
    /// The designation year, for filtering.
    pub fn designation_year(&self) -> Option<i32> {
        self.designation.as_ref().and_then(|d| d.year)
    }

    /// Cluster-wide metrics of `key` (no `subject`), in file order.
    pub fn metrics_of<'a, 'k>(
        &'a self,
        key: &'k str,
    ) -> impl Iterator<Item = &'a Metric> + use<'a, 'k> {
        self.metrics
            .iter()
            .filter(move |m| m.key == key && m.subject.is_none())
    }

    /// The latest cluster-wide metric of `key`: the latest measured figure,
    /// or, only where the cluster has no measured one, the latest forecast
    /// (check [`Metric::forecast`] before calling it an actual).
    pub fn latest(&self, key: &str) -> Option<&Metric> {
        self.latest_actual(key).or_else(|| {
            self.metrics_of(key)
                .filter(|m| m.forecast)
                .max_by_key(|m| m.as_of.year)
        })
    }

    /// The latest measured (not forecast) cluster-wide metric of `key`: what
    /// progress towards a target is measured with.
    pub fn latest_actual(&self, key: &str) -> Option<&Metric> {
        self.metrics_of(key)
            .filter(|m| !m.forecast)
            .max_by_key(|m| m.as_of.year)
    }

    /// True where the cluster is on national list (batch) `batch`.
    pub fn in_batch(&self, batch: u32) -> bool {
        self.designation.as_ref().and_then(|d| d.batch) == Some(batch)
    }

    pub fn segment(&self, key: &str) -> Option<&Segment> {
        self.chain.iter().find(|s| s.key == key)
    }

    pub fn policy(&self, id: &str) -> Option<&Policy> {
        self.policies.iter().find(|p| p.id == id)
    }
}

//! The one rule for a list of cluster ids to compare, used by the command line
//! and the app alike: empty ids and ids the dataset lacks are named, a repeated
//! id is compared once (its first place counts), and the baseline stays on its
//! cluster.

use crate::model::Dataset;

/// A list of ids checked against a dataset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The ids kept: known, each once, in the order given.
    pub ids: Vec<String>,
    /// The baseline as an index into `ids` (it followed its cluster).
    pub baseline: Option<usize>,
    /// Positions (from 1) of empty ids.
    pub empty: Vec<usize>,
    /// Ids the dataset does not have, in the order given.
    pub unknown: Vec<String>,
    /// Ids given more than once (each named once); the later copies were dropped.
    pub repeated: Vec<String>,
}

impl Selection {
    /// What is wrong enough to refuse on the command line, in words; `None` if nothing.
    pub fn error(&self) -> Option<String> {
        let mut parts = Vec::new();
        match self.empty.as_slice() {
            [] => {}
            [one] => parts.push(format!("empty id at position {one}")),
            many => parts.push(format!(
                "empty ids at positions {}",
                many.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
        if !self.unknown.is_empty() {
            parts.push(format!(
                "unknown cluster id(s): {}; `cluster-compare list` shows the ids",
                self.unknown.join(", ")
            ));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// A note on the ids compared once although given more than once.
    pub fn note(&self) -> Option<String> {
        (!self.repeated.is_empty()).then(|| {
            format!(
                "{} given more than once; each cluster is compared once",
                self.repeated
                    .iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
    }
}

/// Checks `ids` (and a baseline index into them) against the dataset.
///
/// ```
/// use cc_data::selection::check;
/// let d = cc_data::load::load_embedded().unwrap().dataset;
/// let ids: Vec<String> = ["yichun-lithium", "", "yichun-lithium"].map(String::from).to_vec();
/// let s = check(&d, &ids, Some(2));
/// assert_eq!(s.ids, ["yichun-lithium"]);
/// assert_eq!(s.baseline, Some(0));
/// assert_eq!(s.error().unwrap(), "empty id at position 2");
/// ```
pub fn check(d: &Dataset, ids: &[String], baseline: Option<usize>) -> Selection {
    let mut s = Selection::default();
    let base_id = baseline.and_then(|b| ids.get(b)).map(|id| id.trim());
    for (i, id) in ids.iter().enumerate() {
        let id = id.trim();
        if id.is_empty() {
            s.empty.push(i + 1);
        } else if d.cluster(id).is_none() {
            if !s.unknown.iter().any(|u| u == id) {
                s.unknown.push(id.to_owned());
            }
        } else if s.ids.iter().any(|k| k == id) {
            if !s.repeated.iter().any(|r| r == id) {
                s.repeated.push(id.to_owned());
            }
        } else {
            s.ids.push(id.to_owned());
        }
    }
    s.baseline = base_id.and_then(|b| s.ids.iter().position(|id| id == b));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn empty_unknown_and_repeated_ids_are_named() {
        let d = crate::load::load_embedded().unwrap().dataset;
        let s = check(
            &d,
            &ids(&["yichun-lithium", "", "nope", "", "yichun-lithium"]),
            None,
        );
        assert_eq!(s.ids, ["yichun-lithium"]);
        let e = s.error().unwrap();
        assert!(e.contains("empty ids at positions 2, 4"), "{e}");
        assert!(e.contains("unknown cluster id(s): nope"), "{e}");
        assert!(s.note().unwrap().contains("`yichun-lithium`"));
    }

    #[test]
    fn the_baseline_follows_its_cluster() {
        let d = crate::load::load_embedded().unwrap().dataset;
        let s = check(
            &d,
            &ids(&[
                "yichun-lithium",
                "yichun-lithium",
                "shenzhen-battery-materials",
            ]),
            Some(2),
        );
        assert_eq!(s.ids.len(), 2);
        assert_eq!(s.baseline, Some(1));
        assert!(s.error().is_none());
    }
}

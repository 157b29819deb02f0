//! The one rule for a list of cluster ids to compare, used by the command line
//! and the app alike: empty ids and ids the dataset lacks are named, a repeated
//! id is compared once (its first place counts), and the baseline stays on its
//! cluster.

use std::collections::HashSet;

use crate::model::Dataset;

/// At most this many unknown ids or positions are named in an error; the
/// rest are counted.
pub const SHOWN: usize = 5;

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
    /// For each of the first [`SHOWN`] unknown ids, the known id nearest to
    /// it, if one is near enough to be what was meant.
    pub nearest: Vec<Option<String>>,
}

/// The first [`SHOWN`] of `items`, `, `-separated, and how many more.
fn capped<T: std::fmt::Display>(items: &[T], each: impl Fn(usize, &T) -> String) -> String {
    let mut s = items
        .iter()
        .take(SHOWN)
        .enumerate()
        .map(|(i, t)| each(i, t))
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > SHOWN {
        s.push_str(&format!(" and {} more", items.len() - SHOWN));
    }
    s
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
                capped(many, |_, p| p.to_string())
            )),
        }
        if let Some(named) = self.unknown_ids() {
            parts.push(format!(
                "unknown cluster id(s): {named}; `cluster-compare list` shows the ids"
            ));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// The unknown ids in words: the first [`SHOWN`] (each with the nearest
    /// known id where one is near) and how many more; `None` if none.
    pub fn unknown_ids(&self) -> Option<String> {
        (!self.unknown.is_empty()).then(|| {
            capped(&self.unknown, |i, id| {
                let id = shown(id);
                match self.nearest.get(i).and_then(Option::as_ref) {
                    Some(n) => format!("{id} (did you mean {n}?)"),
                    None => id,
                }
            })
        })
    }

    /// A note on the ids compared once although given more than once.
    pub fn note(&self) -> Option<String> {
        (!self.repeated.is_empty()).then(|| {
            format!(
                "{} given more than once; each cluster is compared once",
                capped(&self.repeated, |_, id| format!("`{}`", shown(id)))
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
    // Sets, not scans: the list may hold a hundred thousand ids.
    let known: HashSet<&str> = d.clusters.iter().map(|c| c.id.as_str()).collect();
    let mut kept: HashSet<&str> = HashSet::new();
    let mut unknown: HashSet<&str> = HashSet::new();
    let mut repeated: HashSet<&str> = HashSet::new();
    let base_id = baseline.and_then(|b| ids.get(b)).map(|id| id.trim());
    for (i, id) in ids.iter().enumerate() {
        let id = id.trim();
        if id.is_empty() {
            s.empty.push(i + 1);
        } else if !known.contains(id) {
            if unknown.insert(id) {
                s.unknown.push(id.to_owned());
            }
        } else if !kept.insert(id) {
            if repeated.insert(id) {
                s.repeated.push(id.to_owned());
            }
        } else {
            s.ids.push(id.to_owned());
        }
    }
    s.baseline = base_id.and_then(|b| s.ids.iter().position(|id| id == b));
    s.nearest = s
        .unknown
        .iter()
        .take(SHOWN)
        .map(|u| nearest(u, known.iter().copied()).map(str::to_owned))
        .collect();
    s
}

/// An id as an error shows it: control characters escaped, and cut after
/// 80 characters so one id cannot fill the screen.
fn shown(id: &str) -> String {
    let mut out: String = id.chars().take(80).flat_map(char::escape_debug).collect();
    if id.chars().nth(80).is_some() {
        out.push('…');
    }
    out
}

/// The known id nearest to `unknown`: one that begins with it or holds it
/// (`shenzhen-battery`), else the one fewest edits away, if that is few
/// enough to be a slip (at most a third of its characters, at least 2).
pub fn nearest<'a>(unknown: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    const LONGEST: usize = 100;
    let u = unknown.to_lowercase();
    let uc: Vec<char> = u.chars().collect();
    if uc.is_empty() || uc.len() > LONGEST {
        return None;
    }
    let limit = (uc.len() / 3).max(2);
    let mut best: Option<(usize, &str)> = None;
    for k in known {
        let kl = k.to_lowercase();
        let score = if uc.len() >= 3 && kl.contains(&u) {
            // Held whole: nearer than any edit, shorter ids first.
            Some(kl.chars().count().saturating_sub(uc.len()) / 100)
        } else {
            let kc: Vec<char> = kl.chars().collect();
            (kc.len() <= LONGEST)
                .then(|| edit_distance(&uc, &kc))
                .filter(|&e| e <= limit)
                .map(|e| e + 1)
        };
        if let Some(sc) = score
            && best.is_none_or(|(b, bk)| (sc, k) < (b, bk))
        {
            best = Some((sc, k));
        }
    }
    best.map(|(_, k)| k)
}

/// Levenshtein distance between two short strings.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
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
    fn a_long_list_of_unknown_ids_is_refused_quickly_and_briefly() {
        let d = crate::load::load_embedded().unwrap().dataset;
        let many: Vec<String> = (0..120_000).map(|i| format!("no-such-{i}")).collect();
        let t = std::time::Instant::now();
        let s = check(&d, &many, None);
        let e = s.error().unwrap();
        // Quadratic took 8 s here; linear takes milliseconds, even unoptimised.
        assert!(t.elapsed().as_secs_f64() < 2.0, "{:?}", t.elapsed());
        assert_eq!(s.unknown.len(), 120_000);
        assert!(e.len() < 400, "{} bytes", e.len());
        assert!(
            e.contains("no-such-0") && e.contains("and 119995 more"),
            "{e}"
        );
    }

    #[test]
    fn an_unknown_id_gets_the_nearest_known_one() {
        let d = crate::load::load_embedded().unwrap().dataset;
        for typo in [
            "shenzhen-batery-materials",
            "shenzhen-battery",
            "Shenzhen-Battery-Materials",
        ] {
            let e = check(&d, &ids(&[typo]), None).error().unwrap();
            assert!(
                e.contains("did you mean shenzhen-battery-materials?"),
                "{typo}: {e}"
            );
        }
        let e = check(&d, &ids(&["qqqqqqqq"]), None).error().unwrap();
        assert!(!e.contains("did you mean"), "{e}");
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

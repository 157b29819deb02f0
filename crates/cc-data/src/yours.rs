//! What of a dataset came from the user's own file, where that file extends
//! the embedded register (`"extends": "embedded"`). The loader records it
//! while merging ([`crate::load::extend`]); every view, the deck and the
//! sheets ask the dataset ([`Dataset::yours_in`], [`Dataset::metric_is_yours`], ...)
//! and mark it as the user's. It is not part of the format: a dataset
//! written out is one file, and nothing in it is marked.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Cluster, Dataset, Lang, Metric, Policy, Target};

/// The parts of a merged dataset that come from the user's file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Yours {
    /// The user's file, as it was opened (shown on hover and in notes).
    pub file: String,
    /// Each cluster holding anything from the user's file, and where its
    /// user's part starts.
    pub clusters: BTreeMap<String, YoursFrom>,
    /// The ids of the sources the user's file added.
    pub sources: BTreeSet<String>,
}

/// Where the user's part of one cluster starts: the user's figures,
/// targets and policies follow the register's in the merged cluster.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct YoursFrom {
    /// The whole cluster is the user's (not a register cluster).
    pub whole: bool,
    pub metrics: usize,
    pub targets: usize,
    pub policies: usize,
}

/// How much of a cluster is the user's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whose {
    /// The whole cluster comes from the user's file.
    Cluster,
    /// A register cluster with figures, targets or policies from the user's file.
    Added,
}

impl Yours {
    /// The file's name without its folders (the full path goes on hover).
    pub fn file_name(&self) -> &str {
        self.file
            .rsplit(['/', '\\'])
            .find(|s| !s.is_empty())
            .unwrap_or(&self.file)
    }
}

/// The short label a user's cluster carries.
pub fn label(lang: Lang, whose: Whose) -> &'static str {
    match (whose, lang) {
        (Whose::Cluster, Lang::Zh) => "你的数据",
        (Whose::Cluster, Lang::En) => "Your data",
        (Whose::Added, Lang::Zh) => "含你的数据",
        (Whose::Added, Lang::En) => "With your data",
    }
}

/// `来自你的文件：mine.xlsx` / `From your file: mine.xlsx`.
pub fn from_file(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Zh => format!("来自你的文件：{file}"),
        Lang::En => format!("From your file: {file}"),
    }
}

fn index_in<T>(items: &[T], x: &T) -> Option<usize> {
    items.iter().position(|y| std::ptr::eq(y, x))
}

impl Dataset {
    /// How much of cluster `id` is the user's; `None` for the register's own
    /// clusters and for every cluster of a file that does not extend the register.
    pub fn yours_in(&self, id: &str) -> Option<Whose> {
        let from = self.yours.as_ref()?.clusters.get(id)?;
        Some(if from.whole {
            Whose::Cluster
        } else {
            Whose::Added
        })
    }

    /// The user's file, where this dataset extends the register with it.
    pub fn yours_file(&self) -> Option<&str> {
        self.yours.as_ref().map(|y| y.file_name())
    }

    fn start_of(&self, c: &Cluster) -> Option<YoursFrom> {
        self.yours.as_ref()?.clusters.get(&c.id).copied()
    }

    /// True where `m` (a figure of `c`, by reference) comes from the user's file.
    pub fn metric_is_yours(&self, c: &Cluster, m: &Metric) -> bool {
        self.start_of(c)
            .zip(index_in(&c.metrics, m))
            .is_some_and(|(f, i)| i >= f.metrics)
    }

    /// True where `t` (a target of `c`, by reference) comes from the user's file.
    pub fn target_is_yours(&self, c: &Cluster, t: &Target) -> bool {
        self.start_of(c)
            .zip(index_in(&c.targets, t))
            .is_some_and(|(f, i)| i >= f.targets)
    }

    /// True where `p` (a policy of `c`, by reference) comes from the user's file.
    pub fn policy_is_yours(&self, c: &Cluster, p: &Policy) -> bool {
        self.start_of(c)
            .zip(index_in(&c.policies, p))
            .is_some_and(|(f, i)| i >= f.policies)
    }

    /// True where source `id` was added by the user's file.
    pub fn source_is_yours(&self, id: &str) -> bool {
        self.yours.as_ref().is_some_and(|y| y.sources.contains(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_name_drops_its_folders() {
        let y = Yours {
            file: "/home/me/data/mine.xlsx".into(),
            ..Yours::default()
        };
        assert_eq!(y.file_name(), "mine.xlsx");
        let y = Yours {
            file: r"C:\data\mine.json".into(),
            ..Yours::default()
        };
        assert_eq!(y.file_name(), "mine.json");
    }
}

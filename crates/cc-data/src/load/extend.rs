//! `"extends": "embedded"`: a user's file laid over the embedded register.
//! Its clusters are added; a cluster whose id is the register's adds its
//! figures, targets and policies to that cluster. Its sources and metric keys
//! are added, or, where the register has the same one, used as the
//! register's. Nothing of the register is replaced: an id that means
//! something else in the register is an error, a figure the register also
//! has (same key, year, definition and subject) is named, and both are kept.
//!
//! The merged dataset is validated as a whole; every problem is given back
//! at the user's own path, so it is placed in the user's file (line:column,
//! or sheet!cell).

use std::collections::HashMap;

use super::{Problem, validate};
use crate::model::*;
use crate::yours::{Yours, YoursFrom};

/// The one base a file can extend.
pub const EMBEDDED: &str = "embedded";

/// A user's dataset merged over the embedded one.
pub struct Extended {
    pub dataset: Dataset,
    /// Collisions and validation problems, at the user's paths.
    pub problems: Vec<Problem>,
    /// What was added where, in words (zh and en), for `check` and the app.
    pub added: Vec<Text>,
}

/// Merges `user` (whose `extends` is set, read from `file`) over the
/// embedded dataset and validates the result. The merged dataset records
/// what came from `file` ([`Dataset::yours`]).
pub fn extend(file: &str, user: Dataset) -> Extended {
    let mut problems = Vec::new();
    if user.extends.as_deref() != Some(EMBEDDED) {
        let given = user.extends.clone().unwrap_or_default();
        problems.push(Problem::error(
            "extends",
            format!(
                "未知的基础数据 `{}`；唯一可用的是 `{EMBEDDED}`（内置名册）",
                given.escape_debug()
            ),
            format!(
                "unknown base `{}`; the only one is `{EMBEDDED}` (the embedded register)",
                given.escape_debug()
            ),
        ));
        return Extended {
            dataset: user,
            problems,
            added: vec![],
        };
    }
    let base = match super::load_embedded() {
        Ok(l) => l.dataset,
        Err(e) => {
            problems.extend(e.problems);
            return Extended {
                dataset: user,
                problems,
                added: vec![],
            };
        }
    };
    let mut m = Merge {
        d: base.clone(),
        map: HashMap::new(),
        problems,
        added: Vec::new(),
        yours: Yours {
            file: file.to_owned(),
            ..Yours::default()
        },
    };
    m.run(&base, user);
    let Merge {
        mut d,
        map,
        mut problems,
        added,
        yours,
    } = m;
    d.yours = Some(yours);
    for mut p in validate(&d) {
        match user_path(&map, &p.path) {
            Some(u) => p.path = u,
            None => p.message = format!("in the embedded data: {}", p.message),
        }
        problems.push(p);
    }
    Extended {
        dataset: d,
        problems,
        added,
    }
}

/// The user's path for a path in the merged dataset: its nearest enclosing
/// element that came from the user's file, and the rest below it.
fn user_path(map: &HashMap<String, String>, path: &str) -> Option<String> {
    let mut p = path;
    loop {
        if let Some(u) = map.get(p) {
            return Some(format!("{u}{}", &path[p.len()..]));
        }
        if p.is_empty() {
            return None;
        }
        p = p.rfind(['.', '[']).map_or("", |i| &p[..i]);
    }
}

struct Merge {
    d: Dataset,
    /// Merged element path → the user's.
    map: HashMap<String, String>,
    problems: Vec<Problem>,
    added: Vec<Text>,
    /// What came from the user's file.
    yours: Yours,
}

fn same<T: serde::Serialize>(a: &T, b: &T) -> bool {
    serde_json::to_value(a).ok() == serde_json::to_value(b).ok()
}

fn n(k: usize, one: &str, many: &str) -> String {
    format!("{k} {}", if k == 1 { one } else { many })
}

/// `3 项数据、1 个目标、0 项政策` / `3 figures, 1 target, 0 policies`.
fn counts(m: usize, t: usize, p: usize) -> (String, String) {
    (
        format!("{m} 项数据、{t} 个目标、{p} 项政策"),
        format!(
            "{}, {}, {}",
            n(m, "figure", "figures"),
            n(t, "target", "targets"),
            n(p, "policy", "policies")
        ),
    )
}

impl Merge {
    fn run(&mut self, base: &Dataset, user: Dataset) {
        if !user.title.is_empty() {
            self.d.title = user.title.clone();
        }
        if user.register.is_some() {
            self.problems.push(Problem::error(
                "register",
                "扩展内置数据的文件使用内置名册；请删去 `register`",
                "a file that extends the embedded data uses its register; leave `register` out",
            ));
        }
        let ctx = &user.context;
        if ctx.competition.is_some()
            || !ctx.provincial_systems.is_empty()
            || !ctx.national_figures.is_empty()
            || !ctx.timeline.is_empty()
        {
            self.problems.push(Problem::warning(
                "context",
                "使用内置数据的背景信息；扩展内置数据时不读取本文件的 `context`", "the embedded data's context is used; this file's `context` is not read when it extends it",
            ));
        }
        let mut sources = 0;
        for (i, s) in user.sources.into_iter().enumerate() {
            match base.source(&s.id) {
                Some(b) if same(b, &s) => {}
                Some(b) => self.problems.push(Problem::error(
                    format!("sources[{i}].id"),
                    format!("来源编号 `{}` 在内置数据中已用于另一份文件（{}）；请另取一个编号", s.id, b.title.get(Lang::Zh)), format!(
                        "source id `{}` is already in the embedded data for another document ({}); give yours another id",
                        s.id,
                        b.title.get(Lang::Zh)
                    ),
                )),
                None => {
                    self.map
                        .insert(format!("sources[{}]", self.d.sources.len()), format!("sources[{i}]"));
                    self.yours.sources.insert(s.id.clone());
                    self.d.sources.push(s);
                    sources += 1;
                }
            }
        }
        for (i, k) in user.metric_keys.into_iter().enumerate() {
            match base.metric_key(&k.key) {
                Some(b)
                    if k.definitions.iter().all(|d| b.definition(&d.key) == Some(d))
                        && (k.dimension.is_none() || k.dimension == b.dimension) => {}
                Some(_) => self.problems.push(Problem::error(
                    format!("metric_keys[{i}].key"),
                    format!("指标键 `{}` 在内置数据中的口径或量纲不同；请照内置数据使用，或另取一个键", k.key), format!(
                        "metric key `{}` is in the embedded data with other definitions or another dimension; use it as it is there, or give yours another key",
                        k.key
                    ),
                )),
                None => {
                    self.map.insert(
                        format!("metric_keys[{}]", self.d.metric_keys.len()),
                        format!("metric_keys[{i}]"),
                    );
                    self.d.metric_keys.push(k);
                }
            }
        }
        if sources > 0 {
            self.added.push(Text::new(
                format!("新增 {sources} 份来源"),
                format!("{} added", n(sources, "source", "sources")),
            ));
        }
        let index: HashMap<String, usize> = base
            .clusters
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        for (i, c) in user.clusters.into_iter().enumerate() {
            let Some(&k) = index.get(&c.id) else {
                let at = self.d.clusters.len();
                self.map
                    .insert(format!("clusters[{at}]"), format!("clusters[{i}]"));
                let (zh, en) = counts(c.metrics.len(), c.targets.len(), c.policies.len());
                self.added.push(Text::new(
                    format!("新增集群 `{}`（{zh}）", c.id),
                    format!("cluster `{}` added ({en})", c.id),
                ));
                self.yours
                    .clusters
                    .entry(c.id.clone())
                    .or_insert(YoursFrom {
                        whole: true,
                        ..YoursFrom::default()
                    });
                self.d.clusters.push(c);
                continue;
            };
            let reg = &base.clusters[k];
            if !c.name.zh.is_empty() && c.name.zh != reg.name.zh {
                self.problems.push(Problem::warning(
                    format!("clusters[{i}].name"),
                    format!("`{}` 是名册中的{}；只使用本条目的数字、目标和政策，并入该集群", c.id, reg.name.zh), format!(
                        "`{}` is the register's {}; only this entry's figures, targets and policies are used, added to it",
                        c.id, reg.name.zh
                    ),
                ));
            }
            for (j, f) in c.metrics.iter().enumerate() {
                if let Some(b) = reg.metrics.iter().find(|b| {
                    b.key == f.key
                        && b.as_of.year == f.as_of.year
                        && b.definition == f.definition
                        && b.subject == f.subject
                        && b.forecast == f.forecast
                }) {
                    self.problems.push(Problem::warning(
                        format!("clusters[{i}].metrics[{j}]"),
                        format!("内置数据在此处也有 `{}` 的 {} 年数字（{} {}，{}）；两者都保留", f.key, f.as_of.year, crate::units::shown(b.value), b.unit, b.source.source), format!(
                            "the embedded data has a figure of `{}` for {} here too ({} {}, {}); both are kept",
                            f.key,
                            f.as_of.year,
                            crate::units::shown(b.value),
                            b.unit,
                            b.source.source
                        ),
                    ));
                }
            }
            let target = &mut self.d.clusters[k];
            let (nm, nt, np) = (c.metrics.len(), c.targets.len(), c.policies.len());
            if nm + nt + np > 0 {
                self.yours
                    .clusters
                    .entry(c.id.clone())
                    .or_insert(YoursFrom {
                        whole: false,
                        metrics: target.metrics.len(),
                        targets: target.targets.len(),
                        policies: target.policies.len(),
                    });
            }
            for (j, x) in c.metrics.into_iter().enumerate() {
                self.map.insert(
                    format!("clusters[{k}].metrics[{}]", target.metrics.len()),
                    format!("clusters[{i}].metrics[{j}]"),
                );
                target.metrics.push(x);
            }
            for (j, x) in c.targets.into_iter().enumerate() {
                self.map.insert(
                    format!("clusters[{k}].targets[{}]", target.targets.len()),
                    format!("clusters[{i}].targets[{j}]"),
                );
                target.targets.push(x);
            }
            for (j, x) in c.policies.into_iter().enumerate() {
                self.map.insert(
                    format!("clusters[{k}].policies[{}]", target.policies.len()),
                    format!("clusters[{i}].policies[{j}]"),
                );
                target.policies.push(x);
            }
            let (zh, en) = counts(nm, nt, np);
            self.added.push(Text::new(
                format!("并入名录中的 `{}`：{zh}", reg.id),
                format!("added to the register's `{}`: {en}", reg.id),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_str;

    fn user(json: &str) -> String {
        json.replace('\'', "\"")
    }

    const HEAD: &str = "{'format_version': 3, 'extends': 'embedded', 'title': {'zh': '我的', 'en': 'Mine'},
      'sources': [{'id': 'my-001', 'title': {'zh': '我的来源', 'en': 'Mine'}, 'publisher': {'zh': '我', 'en': 'Me'},
                   'date': '2025', 'file': 'mine.txt'}],
      'metric_keys': [],";

    #[test]
    fn clusters_and_figures_are_added_to_the_register_and_reported() {
        let base = load_embedded_dataset();
        let reg = base
            .clusters
            .iter()
            .find(|c| !c.metrics.is_empty())
            .unwrap();
        let text = user(&format!(
            "{HEAD} 'clusters': [
              {{'id': 'my-new-cluster', 'name': {{'zh': '新集群', 'en': 'New'}}, 'level': 'provincial',
                'provinces': [{{'zh': '安徽', 'en': 'Anhui'}}], 'industry': {{'zh': '机器人', 'en': 'Robots'}},
                'notes': [{{'zh': '测试', 'en': 'test'}}]}},
              {{'id': '{id}', 'name': {{'zh': '{zh}', 'en': ''}}, 'level': 'national', 'provinces': [], 'industry': {{'zh': '', 'en': ''}},
                'metrics': [{{'key': 'firms', 'value': 12, 'unit': '家', 'as_of': {{'year': 2030}}, 'definition': 'unspecified',
                              'source': {{'source': 'my-001', 'quote': '12家'}}}}]}}
            ]}}",
            id = reg.id,
            zh = reg.name.zh
        ));
        let l = load_str("mine.json", &text).unwrap_or_else(|e| panic!("{e}"));
        let d = &l.dataset;
        assert_eq!(d.clusters.len(), base.clusters.len() + 1);
        let c = d.cluster(&reg.id).unwrap();
        assert_eq!(c.metrics.len(), reg.metrics.len() + 1);
        assert_eq!(c.metrics.last().unwrap().value, 12.0);
        assert!(d.source("my-001").is_some());
        let added: Vec<&str> = l.added.iter().map(|a| a.en.as_str()).collect();
        let added = added.join("\n");
        let zh: Vec<&str> = l.added.iter().map(|a| a.zh.as_str()).collect();
        assert!(
            zh.join("\n").contains("新增集群 `my-new-cluster`"),
            "{zh:?}"
        );
        assert!(added.contains("cluster `my-new-cluster` added"), "{added}");
        // What came from the file is known as the user's; the register's is not.
        use crate::yours::Whose;
        assert_eq!(d.yours_file(), Some("mine.json"));
        assert_eq!(d.yours_in("my-new-cluster"), Some(Whose::Cluster));
        assert_eq!(d.yours_in(&reg.id), Some(Whose::Added));
        let other = base.clusters.iter().find(|x| x.id != reg.id).unwrap();
        assert_eq!(d.yours_in(&other.id), None);
        let (mine, theirs) = (c.metrics.last().unwrap(), &c.metrics[0]);
        assert!(d.metric_is_yours(c, mine));
        assert!(!d.metric_is_yours(c, theirs));
        assert!(d.source_is_yours("my-001"));
        assert!(!d.source_is_yours(&base.sources[0].id));
        assert!(
            added.contains(&format!("added to the register's `{}`: 1 figure", reg.id)),
            "{added}"
        );
    }

    fn load_embedded_dataset() -> Dataset {
        crate::load::load_embedded().unwrap().dataset
    }

    #[test]
    fn collisions_are_named_at_the_users_place_and_nothing_is_replaced() {
        let base = load_embedded_dataset();
        let reg = base
            .clusters
            .iter()
            .find(|c| !c.metrics.is_empty())
            .unwrap();
        let f = &reg.metrics[0];
        let other = &base.sources[0];
        let text = user(&format!(
            "{{'format_version': 3, 'extends': 'embedded',
              'sources': [{{'id': '{sid}', 'title': {{'zh': '别的', 'en': 'Other'}}, 'publisher': {{'zh': '我', 'en': 'Me'}}, 'date': '2025', 'file': 'x'}}],
              'metric_keys': [],
              'clusters': [{{'id': '{id}', 'name': {{'zh': '改名', 'en': ''}}, 'level': 'national', 'provinces': [], 'industry': {{'zh': '', 'en': ''}},
                'metrics': [{{'key': '{key}', 'value': 1, 'unit': '亿圆', 'as_of': {{'year': {year}}}, {def}
                              'source': {{'source': '{src}', 'quote': 'x'}}}}]}}]}}",
            sid = other.id,
            id = reg.id,
            key = f.key,
            year = f.as_of.year,
            def = f
                .definition
                .as_ref()
                .map_or(String::new(), |d| format!("'definition': '{d}',")),
            src = f.source.source,
        ));
        let e = load_str("mine.json", &text).unwrap_err().to_string();
        assert!(e.contains("sources[0].id: source id"), "{e}");
        assert!(e.contains("already in the embedded data"), "{e}");
        assert!(e.contains("clusters[0].name: `"), "{e}");
        assert!(
            e.contains("clusters[0].metrics[0]: the embedded data has a figure"),
            "{e}"
        );
        assert!(
            e.contains("clusters[0].metrics[0].unit: unknown unit"),
            "{e}"
        );
        // Placed in the user's file.
        assert!(e.contains("mine.json:"), "{e}");
        assert!(!e.contains("in the embedded data: "), "{e}");
    }

    #[test]
    fn an_unknown_base_is_refused() {
        let text = user(
            "{'format_version': 3, 'extends': 'elsewhere', 'sources': [], 'metric_keys': [], 'clusters': []}",
        );
        let e = load_str("x.json", &text).unwrap_err().to_string();
        assert!(e.contains("unknown base `elsewhere`"), "{e}");
    }
}

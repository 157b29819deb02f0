//! Validation of what format version 3 added: definitions as data. A metric
//! key declares what it measures (its dimension) and the closed list of
//! definitions its figures may have; every figure and target of such a key
//! names one of them (or `unspecified`, which compares with nothing), and its
//! unit measures the key's dimension.

use std::collections::HashMap;

use crate::load::{Problem, Severity};
use crate::model::*;
use crate::units;

/// Pushes every problem of the version-3 fields of `d` onto `out`.
pub fn validate(d: &Dataset, out: &mut Vec<Problem>) {
    let keys: HashMap<&str, &MetricKey> =
        d.metric_keys.iter().map(|k| (k.key.as_str(), k)).collect();
    let mut push = |path: String, zh: String, message: String| {
        out.push(Problem {
            severity: Severity::Error,
            path,
            pos: None,
            message,
            zh,
        })
    };
    for (i, k) in d.metric_keys.iter().enumerate() {
        let mut seen = HashMap::new();
        for (j, def) in k.definitions.iter().enumerate() {
            let p = format!("metric_keys[{i}].definitions[{j}].key");
            if def.key == UNSPECIFIED {
                push(
                    p,
                    format!("`{UNSPECIFIED}` 始终可用；不要声明它"),
                    format!("`{UNSPECIFIED}` is always allowed; do not declare it"),
                );
            } else if let Some(first) = seen.insert(def.key.as_str(), j) {
                push(
                    p,
                    format!("口径 `{}` 声明了两次（另见 [{first}]）", def.key),
                    format!(
                        "definition `{}` is declared twice (also at [{first}])",
                        def.key
                    ),
                );
            }
        }
    }
    let v3 = d.format_version >= 3;
    let mut check = |path: &str, key: &str, unit: &str, definition: Option<&str>| {
        let Some(k) = keys.get(key) else { return };
        if let (Some(dim), Some(u)) = (k.dimension, units::unit(unit))
            && u.dimension != dim
        {
            push(
                format!("{path}.unit"),
                format!(
                    "`{unit}` 计量的是{}，而 `{key}` 计量的是{}；应为以下之一：{}",
                    u.dimension.describe_zh(),
                    dim.describe_zh(),
                    units::symbols_of(dim).join(" ")
                ),
                format!(
                    "`{unit}` measures {}, but `{key}` measures {}; expected one of {}",
                    u.dimension.describe(),
                    dim.describe(),
                    units::symbols_of(dim).join(" ")
                ),
            );
        }
        match definition {
            None if v3 && !k.definitions.is_empty() => push(
                format!("{path}.definition"),
                format!(
                    "缺少口径；`{key}` 需要一个口径：{} 之一，来源未说明时写 `{UNSPECIFIED}`",
                    k.definition_keys().join(", ")
                ),
                format!(
                    "missing; `{key}` needs a definition: one of {}, or `{UNSPECIFIED}` where the source does not settle it",
                    k.definition_keys().join(", ")
                ),
            ),
            Some(def) if def != UNSPECIFIED && !k.definitions.iter().any(|x| x.key == def) => push(
                format!("{path}.definition"),
                if k.definitions.is_empty() {
                    format!("`{key}` 没有声明口径；请删去此项或写 `{UNSPECIFIED}`")
                } else {
                    format!(
                        "`{key}` 没有口径 `{def}`；应为 {} 之一，或 `{UNSPECIFIED}`",
                        k.definition_keys().join(", ")
                    )
                },
                if k.definitions.is_empty() {
                    format!(
                        "`{key}` declares no definitions; leave this out or write `{UNSPECIFIED}`"
                    )
                } else {
                    format!(
                        "unknown definition `{def}` for `{key}`; expected one of {}, or `{UNSPECIFIED}`",
                        k.definition_keys().join(", ")
                    )
                },
            ),
            _ => {}
        }
    };
    for (ci, c) in d.clusters.iter().enumerate() {
        for (i, m) in c.metrics.iter().enumerate() {
            check(
                &format!("clusters[{ci}].metrics[{i}]"),
                &m.key,
                &m.unit,
                m.definition.as_deref(),
            );
        }
        for (i, t) in c.targets.iter().enumerate() {
            check(
                &format!("clusters[{ci}].targets[{i}]"),
                &t.key,
                &t.unit,
                t.definition.as_deref(),
            );
        }
    }
    for (fi, f) in d.context.national_figures.iter().enumerate() {
        for (i, m) in f.metrics.iter().enumerate() {
            check(
                &format!("context.national_figures[{fi}].metrics[{i}]"),
                &m.key,
                &m.unit,
                m.definition.as_deref(),
            );
        }
    }
}

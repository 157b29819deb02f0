//! Validation: every problem of a parsed dataset, errors and warnings.

use std::collections::{HashMap, HashSet};

use super::Problem;
use crate::model::*;
use crate::units::{self, Dimension};

/// Every problem of a parsed dataset: errors and warnings.
pub fn validate(d: &Dataset) -> Vec<Problem> {
    let mut v = Validator {
        d,
        out: Vec::new(),
        sources: d.sources.iter().map(|s| s.id.as_str()).collect(),
        keys: d.metric_keys.iter().map(|k| k.key.as_str()).collect(),
    };
    v.run();
    crate::load::validate_v2::validate(d, &mut v.out);
    crate::load::validate_v3::validate(d, &mut v.out);
    v.out
}

struct Validator<'a> {
    d: &'a Dataset,
    out: Vec<Problem>,
    sources: HashSet<&'a str>,
    keys: HashSet<&'a str>,
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_snake(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => {
            num(y, 4)
                && num(m, 2)
                && num(d, 2)
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
        }
        _ => false,
    }
}

const YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

impl<'a> Validator<'a> {
    fn err(&mut self, path: String, zh: impl Into<String>, en: impl Into<String>) {
        self.out.push(Problem::error(path, zh, en));
    }

    fn warn(&mut self, path: String, zh: impl Into<String>, en: impl Into<String>) {
        self.out.push(Problem::warning(path, zh, en));
    }

    fn run(&mut self) {
        let d = self.d;
        let mut seen = HashSet::new();
        for (i, s) in d.sources.iter().enumerate() {
            let p = format!("sources[{i}]");
            if s.id.trim().is_empty() {
                self.err(
                    format!("{p}.id"),
                    "id 为空；应为简短编号，如 src-000",
                    "empty id; expected a short id such as src-000",
                );
            } else if !seen.insert(s.id.as_str()) {
                self.err(
                    format!("{p}.id"),
                    format!("来源编号 `{}` 重复", s.id),
                    format!("duplicate source id `{}`", s.id),
                );
            }
            if s.title.is_empty() {
                self.err(format!("{p}.title"), "标题为空", "empty title");
            }
            if !is_date(&s.date) {
                self.err(
                    format!("{p}.date"),
                    format!("`{}` 不是日期；应为 YYYY、YYYY-MM 或 YYYY-MM-DD", s.date),
                    format!(
                        "`{}` is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD",
                        s.date
                    ),
                );
            }
            if s.date_approximate && s.date_note.as_ref().is_none_or(Text::is_empty) {
                self.warn(
                    format!("{p}.date_note"),
                    "日期为推断，但没有说明依据",
                    "the date is approximate but no note says why",
                );
            }
        }
        let mut seen = HashSet::new();
        for (i, k) in d.metric_keys.iter().enumerate() {
            let p = format!("metric_keys[{i}]");
            if !is_snake(&k.key) {
                self.err(
                    format!("{p}.key"),
                    format!("`{}` 不是 snake_case 键（a-z、0-9、_）", k.key),
                    format!("`{}` is not a snake_case key (a-z, 0-9, _)", k.key),
                );
            } else if !seen.insert(k.key.as_str()) {
                self.err(
                    format!("{p}.key"),
                    format!("指标键 `{}` 重复", k.key),
                    format!("duplicate metric key `{}`", k.key),
                );
            }
            if k.name.is_empty() {
                self.err(format!("{p}.name"), "名称为空", "empty name");
            }
        }
        let mut ids = HashSet::new();
        let mut policy_ids: HashMap<&str, String> = HashMap::new();
        for (i, c) in d.clusters.iter().enumerate() {
            let p = format!("clusters[{i}]");
            if !is_kebab(&c.id) {
                self.err(
                    format!("{p}.id"),
                    format!(
                        "`{}` 不是 kebab-case id（小写字母、数字、单个连字符）",
                        c.id
                    ),
                    format!(
                        "`{}` is not a kebab-case id (lower-case letters, digits, single hyphens)",
                        c.id
                    ),
                );
            } else if !ids.insert(c.id.as_str()) {
                self.err(
                    format!("{p}.id"),
                    format!("集群 id `{}` 重复", c.id),
                    format!("duplicate cluster id `{}`", c.id),
                );
            }
            self.cluster(&p, c, &mut policy_ids);
        }
        self.context(&ids, &mut policy_ids);
    }

    // Paths are passed as (base, suffix) and joined only when a problem is
    // reported: a valid file allocates no path strings here.

    fn name(&mut self, base: &str, suffix: &str, t: &Text) {
        if t.zh.trim().is_empty() {
            self.err(
                format!("{base}{suffix}"),
                "中文名称（zh）为空；每个名称至少要有中文",
                "empty Chinese name (zh); every name needs at least Chinese",
            );
        } else if t.en.trim().is_empty() {
            self.warn(
                format!("{base}{suffix}"),
                "没有英文名称（en）；英文界面将显示中文",
                "no English name (en); English views will show Chinese",
            );
        }
    }

    fn cite(&mut self, base: &str, suffix: &str, c: &Citation) {
        if !self.sources.contains(c.source.as_str()) {
            self.err(
                format!("{base}{suffix}.source"),
                format!("引用的来源 `{}` 不在 `sources` 中", c.source),
                format!("cites source `{}`, which is not in `sources`", c.source),
            );
        }
        if c.quote.trim().is_empty() {
            self.err(
                format!("{base}{suffix}.quote"),
                "引文为空；请照来源原文给出短语",
                "empty quote; give the phrase as written in the source",
            );
        }
    }

    fn year(&mut self, base: &str, suffix: &str, y: i32) {
        if !YEARS.contains(&y) {
            self.err(
                format!("{base}{suffix}"),
                format!("年份 {y} 不在 1949–2100 之内"),
                format!("year {y} is outside 1949–2100"),
            );
        }
    }

    fn metric(&mut self, p: &str, m: &Metric) {
        if !self.keys.contains(m.key.as_str()) {
            self.err(
                format!("{p}.key"),
                format!("指标键 `{}` 未在 `metric_keys` 中定义", m.key),
                format!("metric key `{}` is not defined in `metric_keys`", m.key),
            );
        }
        self.value(p, m.value, &m.unit);
        self.year(p, ".as_of.year", m.as_of.year);
        if m.as_of.approximate && m.as_of.note.as_ref().is_none_or(Text::is_empty) {
            self.warn(
                format!("{p}.as_of.note"),
                "年份为推断，但没有说明依据",
                "the year is approximate but no note says why",
            );
        }
        self.cite(p, "", &m.source);
    }

    fn value(&mut self, p: &str, value: f64, unit: &str) {
        match units::unit(unit) {
            None => self.err(
                format!("{p}.unit"),
                format!(
                    "未知单位 `{unit}`；应为以下之一：{}",
                    units::known_symbols().join(" ")
                ),
                format!(
                    "unknown unit `{unit}`; expected one of {}",
                    units::known_symbols().join(" ")
                ),
            ),
            Some(u) if !(value * u.factor).is_finite() => self.err(
                format!("{p}.value"),
                format!("{} {unit} 太大，无法换算", units::shown(value)),
                format!("{} {unit} is too large to convert", units::shown(value)),
            ),
            Some(u) => {
                let counted = matches!(
                    u.dimension,
                    Dimension::Firms
                        | Dimension::Count
                        | Dimension::Vehicles
                        | Dimension::Mass
                        | Dimension::Energy
                        | Dimension::Area
                        | Dimension::MoneyCny
                        | Dimension::MoneyUsd
                );
                if counted && value < 0.0 {
                    self.err(
                        format!("{p}.value"),
                        format!("`{unit}` 计的数量或金额不能为负：{}", units::shown(value)),
                        format!(
                            "negative value {} for a count or amount in `{unit}`",
                            units::shown(value)
                        ),
                    );
                }
            }
        }
        if !value.is_finite() {
            self.err(
                format!("{p}.value"),
                "不是有限的数字",
                "not a finite number",
            );
        }
    }

    fn policy(&mut self, p: &str, pol: &'a Policy, ids: &mut HashMap<&'a str, String>) {
        if pol.id.trim().is_empty() {
            self.err(format!("{p}.id"), "政策 id 为空", "empty policy id");
        } else if let Some(first) = ids.get(pol.id.as_str()) {
            self.err(
                format!("{p}.id"),
                format!("政策 id `{}` 重复（首次出现在 {first}）", pol.id),
                format!("duplicate policy id `{}` (first at {first})", pol.id),
            );
        } else {
            ids.insert(pol.id.as_str(), p.to_owned());
        }
        self.name(p, ".title", &pol.title);
        if pol.categories.is_empty() {
            self.err(
                format!("{p}.categories"),
                "没有类别；应至少有政策工具分类中的一项",
                "no category; expected at least one of the instrument taxonomy",
            );
        }
        if let Some(y) = pol.year {
            self.year(p, ".year", y);
        }
        self.cite(p, "", &pol.source);
    }

    fn cluster(&mut self, p: &str, c: &'a Cluster, policy_ids: &mut HashMap<&'a str, String>) {
        self.name(p, ".name", &c.name);
        // Where the sources do not say, a note must say so.
        if c.provinces.is_empty() && c.notes.is_empty() {
            self.warn(
                format!("{p}.provinces"),
                "没有给出省份，也没有备注说明原因",
                "no province given and no note saying why",
            );
        }
        if let Some(f) = &c.field {
            match &f.source {
                Some(s) => {
                    self.cite(p, ".field", s);
                    if f.assigned {
                        self.warn(
                            format!("{p}.field.assigned"),
                            "标为推断（assigned），却引用了写明领域的来源；请删去 `assigned`",
                            "marked assigned (inferred) but cites a page that states the field; drop `assigned`",
                        );
                    }
                }
                None if !f.assigned => self.warn(
                    format!("{p}.field"),
                    "没有来源写明此领域；请在 `source` 中引用，或标为 `\"assigned\": true`（由名称推断）",
                    "no page states the field; cite one in `source`, or mark it `\"assigned\": true` (inferred from the name)",
                ),
                None => {}
            }
        }
        if c.industry.is_empty() {
            self.warn(format!("{p}.industry"), "没有给出产业", "no industry given");
        }
        if let Some(d) = &c.designation {
            if let Some(y) = d.year {
                self.year(p, ".designation.year", y);
            }
            self.cite(p, ".designation", &d.source);
        }
        if let Some(o) = &c.promotion_org {
            self.name(p, ".promotion_org.name", &o.name);
            self.cite(p, ".promotion_org", &o.source);
        }
        for (j, pl) in c.places.iter().enumerate() {
            self.name(&format!("{p}.places[{j}].name"), "", &pl.name);
            if let Some(s) = &pl.source {
                self.cite(&format!("{p}.places[{j}]"), "", s);
            }
        }
        let mut segs = HashSet::new();
        for (j, s) in c.chain.iter().enumerate() {
            if !is_snake(&s.key) {
                self.err(
                    format!("{p}.chain[{j}].key"),
                    format!("`{}` 不是 snake_case 键", s.key),
                    format!("`{}` is not a snake_case key", s.key),
                );
            } else if !segs.insert(s.key.as_str()) {
                self.err(
                    format!("{p}.chain[{j}].key"),
                    format!("环节 `{}` 重复", s.key),
                    format!("duplicate segment `{}`", s.key),
                );
            }
            self.name(&format!("{p}.chain[{j}].name"), "", &s.name);
        }
        for (j, f) in c.lead_firms.iter().enumerate() {
            let fp = format!("{p}.lead_firms[{j}]");
            self.name(&fp, ".name", &f.name);
            if !segs.contains(f.segment.as_str()) {
                self.err(
                    format!("{fp}.segment"),
                    format!(
                        "环节 `{}` 不在本集群的产业链中（{}）",
                        f.segment,
                        c.chain
                            .iter()
                            .map(|s| s.key.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    format!(
                        "segment `{}` is not in this cluster's chain ({})",
                        f.segment,
                        c.chain
                            .iter()
                            .map(|s| s.key.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
            self.cite(&fp, "", &f.source);
        }
        for (j, m) in c.metrics.iter().enumerate() {
            self.metric(&format!("{p}.metrics[{j}]"), m);
        }
        for (j, pol) in c.policies.iter().enumerate() {
            self.policy(&format!("{p}.policies[{j}]"), pol, policy_ids);
        }
        // Found once, not per target: thousands of targets on thousands of figures.
        let latest = crate::latest::Latest::of(c);
        for (j, t) in c.targets.iter().enumerate() {
            let tp = format!("{p}.targets[{j}]");
            if !self.keys.contains(t.key.as_str()) {
                self.err(
                    format!("{tp}.key"),
                    format!("目标键 `{}` 未在 `metric_keys` 中定义", t.key),
                    format!("target key `{}` is not defined in `metric_keys`", t.key),
                );
            }
            self.value(&tp, t.value, &t.unit);
            if let Some(y) = t.year {
                self.year(&tp, ".year", y);
            }
            if let (Some(y), Some(b)) = (t.year, t.baseline_year)
                && y < b
            {
                self.err(
                    format!("{tp}.year"),
                    format!("目标年份 {y} 早于其基准年份 {b}"),
                    format!("target year {y} is before its baseline year {b}"),
                );
            }
            if let Some(pid) = &t.policy
                && c.policy(pid).is_none()
            {
                self.err(
                    format!("{tp}.policy"),
                    format!("政策 `{pid}` 不在本集群的政策之中"),
                    format!("policy `{pid}` is not among this cluster's policies"),
                );
            }
            if let (Some(tu), Some(m)) = (units::unit(&t.unit), latest.any(&t.key))
                && let Some(mu) = units::unit(&m.unit)
                && tu.dimension != mu.dimension
            {
                self.warn(
                    format!("{tp}.unit"),
                    format!("单位 `{}` 与实际数字的 `{}` 计量的不是同一种量；无法显示进度", t.unit, m.unit), format!(
                        "unit `{}` measures something else than the actual figure's `{}`; progress cannot be shown",
                        t.unit, m.unit
                    ),
                );
            }
            self.cite(&tp, "", &t.source);
        }
        if c.metrics.is_empty() && c.notes.is_empty() {
            self.warn(
                format!("{p}.notes"),
                "没有数字，也没有备注说明原因；请备注来源缺少什么",
                "no figures and no note saying why; add a note on what the sources lack",
            );
        }
    }

    fn context(&mut self, cluster_ids: &HashSet<&str>, policy_ids: &mut HashMap<&'a str, String>) {
        let ctx = &self.d.context;
        if let Some(comp) = &ctx.competition {
            self.cite("context.competition", "", &comp.source);
            let total: u64 = comp.rounds.iter().map(|r| u64::from(r.winners)).sum();
            for (i, r) in comp.rounds.iter().enumerate() {
                self.cite(&format!("context.competition.rounds[{i}]"), "", &r.source);
            }
            for (name, counts) in [
                ("by_industry", &comp.by_industry),
                ("by_province", &comp.by_province),
            ] {
                let sum: u64 = counts.iter().map(|c| u64::from(c.count)).sum();
                if !counts.is_empty() && sum != total {
                    self.warn(
                        format!("context.competition.{name}"),
                        format!("各项合计为 {sum}，而各轮获胜者合计为 {total}"),
                        format!("the counts add up to {sum}, the rounds' winners to {total}"),
                    );
                }
            }
        }
        for (i, ps) in ctx.provincial_systems.iter().enumerate() {
            let p = format!("context.provincial_systems[{i}]");
            self.name(&p, ".province", &ps.province);
            for (j, pol) in ps.policies.iter().enumerate() {
                self.policy(&format!("{p}.policies[{j}]"), pol, policy_ids);
            }
            for (j, m) in ps.metrics.iter().enumerate() {
                self.metric(&format!("{p}.metrics[{j}]"), m);
            }
            for (j, id) in ps.clusters.iter().enumerate() {
                if !cluster_ids.contains(id.as_str()) {
                    self.err(
                        format!("{p}.clusters[{j}]"),
                        format!("集群 `{id}` 不在 `clusters` 中"),
                        format!("cluster `{id}` is not in `clusters`"),
                    );
                }
            }
        }
        for (i, f) in ctx.national_figures.iter().enumerate() {
            for (j, m) in f.metrics.iter().enumerate() {
                self.metric(&format!("context.national_figures[{i}].metrics[{j}]"), m);
            }
        }
        for (i, e) in ctx.timeline.iter().enumerate() {
            let p = format!("context.timeline[{i}]");
            if !is_date(&e.date) {
                self.err(
                    format!("{p}.date"),
                    format!("`{}` 不是日期；应为 YYYY、YYYY-MM 或 YYYY-MM-DD", e.date),
                    format!(
                        "`{}` is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD",
                        e.date
                    ),
                );
            }
            self.cite(&p, "", &e.source);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_date("2021"));
        assert!(is_date("2021-07"));
        assert!(is_date("2021-07-05"));
        assert!(!is_date("2021-13"));
        assert!(!is_date("mid-2021"));
    }
}

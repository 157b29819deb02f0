//! Validation of the fields format version 2 added: ranges (`value_high`),
//! web sources (`url`, `accessed`), approximate timeline dates, a
//! designation's batch and rank, and the national register. Called by
//! [`crate::load::validate`] after the version-1 checks; every problem is
//! pushed, none stops the others.

use std::collections::{HashMap, HashSet};

use crate::load::{Problem, Severity};
use crate::model::*;

/// The list numbers the format knows when a file has no register, with the
/// clusters each announced: 1 (2022, 45) and 2 (2024, 35).
const KNOWN_BATCHES: [(u32, u32); 2] = [(1, 45), (2, 35)];

/// The earliest year an `accessed` date may name: before it there was no web
/// page of these lists to read.
const FIRST_ACCESS_YEAR: u32 = 1990;

/// Pushes every problem of the version-2 fields of `d` onto `out`.
pub fn validate(d: &Dataset, out: &mut Vec<Problem>) {
    let mut v = V {
        d,
        out,
        sources: d.sources.iter().map(|s| s.id.as_str()).collect(),
        batches: d
            .register
            .iter()
            .flat_map(|r| &r.batches)
            .map(|b| b.batch)
            .collect(),
    };
    v.run();
}

struct V<'a, 'o> {
    d: &'a Dataset,
    out: &'o mut Vec<Problem>,
    sources: HashSet<&'a str>,
    /// The register's batch numbers.
    batches: HashSet<u32>,
}

fn problem(
    severity: Severity,
    path: String,
    zh: impl Into<String>,
    message: impl Into<String>,
) -> Problem {
    Problem {
        severity,
        path,
        pos: None,
        message: message.into(),
        zh: zh.into(),
    }
}

/// `YYYY-MM-DD` with a month and day that exist in that month.
pub fn is_full_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let (Ok(y), Ok(m), Ok(day)) = (
        s[0..4].parse::<u32>(),
        s[5..7].parse::<u32>(),
        s[8..10].parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// An absolute `http://` or `https://` address with a host and no white
/// space, no control or invisible format character (U+202E, U+200B: the
/// address shown would not be the one opened), no user name before the host
/// (`https://evil.com\@good.com` opens evil.com or good.com depending on the
/// reader) and no backslash in the host.
pub fn is_web_address(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    let Some(rest) = rest else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !host.starts_with('.')
        && !host.starts_with(':')
        && !host.contains(['@', '\\'])
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || is_invisible_format(c))
}

/// Unicode's format characters (general category Cf) that the address could
/// hold: bidi marks, embeddings, overrides and isolates, zero-width
/// characters, the soft hyphen, the BOM and the invisible operators.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// `s` with control and invisible characters written as `\u{202e}`, so a
/// message shows what the file holds.
fn shown(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || is_invisible_format(c) {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The latest year an `accessed` date may name: next year (a clock a little
/// ahead, a time zone ahead), from the system clock.
fn last_access_year() -> u32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // 365.2425 days a year: exact enough to tell the year, a day off at most.
    let year = 1970 + (secs / 31_556_952) as u32;
    year.max(2026) + 1
}

impl V<'_, '_> {
    fn err(&mut self, path: String, zh: impl Into<String>, msg: impl Into<String>) {
        self.out.push(problem(Severity::Error, path, zh, msg));
    }

    fn warn(&mut self, path: String, zh: impl Into<String>, msg: impl Into<String>) {
        self.out.push(problem(Severity::Warning, path, zh, msg));
    }

    fn run(&mut self) {
        let d = self.d;
        for (i, s) in d.sources.iter().enumerate() {
            self.source(&format!("sources[{i}]"), s);
        }
        for (i, c) in d.clusters.iter().enumerate() {
            let p = format!("clusters[{i}]");
            for (j, m) in c.metrics.iter().enumerate() {
                self.range(&format!("{p}.metrics[{j}]"), m);
            }
            if let Some(des) = &c.designation {
                self.designation(&format!("{p}.designation"), des);
            }
        }
        for (i, s) in d.context.provincial_systems.iter().enumerate() {
            for (j, m) in s.metrics.iter().enumerate() {
                self.range(&format!("context.provincial_systems[{i}].metrics[{j}]"), m);
            }
        }
        for (i, f) in d.context.national_figures.iter().enumerate() {
            for (j, m) in f.metrics.iter().enumerate() {
                self.range(&format!("context.national_figures[{i}].metrics[{j}]"), m);
            }
        }
        for (i, e) in d.context.timeline.iter().enumerate() {
            let p = format!("context.timeline[{i}]");
            if e.date_approximate && e.date_note.as_ref().is_none_or(Text::is_empty) {
                self.warn(
                    format!("{p}.date_note"),
                    "日期为推断，但没有说明依据",
                    "the date is approximate but no note says why",
                );
            }
            if !e.date_approximate && e.date_note.is_some() {
                self.warn(
                    format!("{p}.date_approximate"),
                    "给了日期说明，但日期未标为推断",
                    "a date note is given but the date is not marked approximate",
                );
            }
        }
        if let Some(r) = &d.register {
            self.register(r);
        }
        self.ranks();
    }

    fn cite(&mut self, p: &str, c: &Citation) {
        if !self.sources.contains(c.source.as_str()) {
            self.err(
                format!("{p}.source"),
                format!("来源 `{}` 未在 `sources` 中定义", c.source),
                format!("source `{}` is not defined in `sources`", c.source),
            );
        }
        if c.quote.trim().is_empty() {
            self.err(
                format!("{p}.quote"),
                "引文为空；请照来源原文给出短语",
                "empty quote; give the phrase as written in the source",
            );
        }
    }

    fn source(&mut self, p: &str, s: &Source) {
        if let Some(url) = &s.url
            && !is_web_address(url)
        {
            self.err(
                format!("{p}.url"),
                format!("`{}` 不是网址；应以 http:// 或 https:// 开头并有主机名，不含空格、不可见字符或用户名（`…@`）", shown(url)), format!(
                    "`{}` is not a web address; expected http:// or https:// and a host, without spaces, invisible characters or a user name (`…@`)",
                    shown(url)
                ),
            );
        }
        if let Some(a) = &s.accessed {
            if !is_full_date(a) {
                self.err(
                    format!("{p}.accessed"),
                    format!(
                        "`{}` 不是日期；应为 YYYY-MM-DD（读取网页的日期）",
                        a.escape_debug()
                    ),
                    format!(
                        "`{}` is not a date; expected YYYY-MM-DD (the day the page was read)",
                        a.escape_debug()
                    ),
                );
            } else {
                let year: u32 = a[..4].parse().unwrap_or(0);
                let last = last_access_year();
                if !(FIRST_ACCESS_YEAR..=last).contains(&year) {
                    self.err(
                        format!("{p}.accessed"),
                        format!("年份 {year} 不在 {FIRST_ACCESS_YEAR}–{last} 之内；请给出读取网页的日期"), format!(
                            "year {year} is outside {FIRST_ACCESS_YEAR}–{last}; give the day the page was read"
                        ),
                    );
                }
            }
            if s.url.is_none() {
                self.warn(
                    format!("{p}.accessed"),
                    "有访问日期却没有 `url`；访问日期说明网页何时读取",
                    "an access date without a `url`; it says when a web page was read",
                );
            }
        }
        if self.d.format_version >= 2
            && s.file.as_deref().is_none_or(|f| f.trim().is_empty())
            && s.url.is_none()
        {
            self.err(
                format!("{p}.url"),
                "来源需要 `file`（项目的文件）或 `url`（网页）",
                "a source needs a `file` (a document of the project) or a `url` (a web page)",
            );
        }
        if s.url.is_some() && s.accessed.is_none() {
            self.warn(
                format!("{p}.accessed"),
                "网页来源没有读取日期；请加上 `\"accessed\": \"YYYY-MM-DD\"`",
                "a web source without the date it was read; add `\"accessed\": \"YYYY-MM-DD\"`",
            );
        }
    }

    fn range(&mut self, p: &str, m: &Metric) {
        let Some(high) = m.value_high else {
            return;
        };
        if !high.is_finite() {
            self.err(
                format!("{p}.value_high"),
                "不是有限的数字",
                "not a finite number",
            );
        } else if let Some(u) = crate::units::unit(&m.unit)
            && !(high * u.factor).is_finite()
        {
            self.err(
                format!("{p}.value_high"),
                format!(
                    "范围上限 {} {} 太大，无法换算",
                    crate::units::shown(high),
                    m.unit
                ),
                format!(
                    "the range's high end {} {} is too large to convert",
                    crate::units::shown(high),
                    m.unit
                ),
            );
        } else if m.value.is_finite() && m.value > high {
            self.err(
                format!("{p}.value_high"),
                format!(
                    "范围上限 {} 低于下限 {}（应 value <= value_high）",
                    crate::units::shown(high),
                    crate::units::shown(m.value)
                ),
                format!(
                    "the range's high end {} is below its low end {} (value <= value_high)",
                    crate::units::shown(high),
                    crate::units::shown(m.value)
                ),
            );
        } else if m.value == high {
            self.warn(
                format!("{p}.value_high"),
                "与 `value` 相等：不是范围；请删去 `value_high`",
                "equal to `value`: not a range; drop `value_high`",
            );
        }
        if matches!(
            m.qualifier,
            Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::LessThan | Qualifier::UpTo
        ) {
            self.warn(
                format!("{p}.qualifier"),
                "范围带有界限限定词；范围只按 `exact` 或 `about` 读取",
                "a range with a bound qualifier; a range is read as `exact` or `about`",
            );
        }
    }

    fn designation(&mut self, p: &str, des: &Designation) {
        if let Some(b) = des.batch {
            let known = match &self.d.register {
                Some(r) if !r.batches.is_empty() => self.batches.contains(&b),
                _ => KNOWN_BATCHES.iter().any(|k| k.0 == b),
            };
            if !known {
                let listed: Vec<String> = match &self.d.register {
                    Some(r) if !r.batches.is_empty() => {
                        r.batches.iter().map(|x| x.batch.to_string()).collect()
                    }
                    _ => KNOWN_BATCHES.iter().map(|k| k.0.to_string()).collect(),
                };
                self.err(
                    format!("{p}.batch"),
                    format!("批次 {b} 不是已知名单；应为以下之一：{}", listed.join(", ")),
                    format!(
                        "batch {b} is not a known list; expected one of {}",
                        listed.join(", ")
                    ),
                );
            }
        }
        if let Some(r) = des.rank {
            if r == 0 {
                self.err(
                    format!("{p}.rank"),
                    "排名为 0；排名从 1 开始",
                    "rank 0; ranks count from 1",
                );
            }
            if des.batch.is_none() {
                self.warn(
                    format!("{p}.rank"),
                    "有排名却没有 `batch`；请说明是哪一批名单的排名",
                    "a rank without a `batch`; say which list ranks the cluster",
                );
            }
        }
        if let Some(n) = &des.name_as_listed
            && n.trim().is_empty()
        {
            self.err(
                format!("{p}.name_as_listed"),
                "为空；请照所引网页的写法给出名称，或删去此字段",
                "empty; give the name as the cited page prints it, or leave the field out",
            );
        }
        for (i, c) in des.other_sources.iter().enumerate() {
            self.cite(&format!("{p}.other_sources[{i}]"), c);
        }
        if let Some(t) = &des.disagreement
            && t.is_empty()
        {
            self.err(
                format!("{p}.disagreement"),
                "为空；请说明各网页的分歧，或删去此字段",
                "empty; say what the pages disagree on, or leave the field out",
            );
        }
    }

    fn register(&mut self, r: &Register) {
        // Counted once for all batches: a register may list many.
        let named = self.d.named_by_batch();
        let mut seen: HashMap<u32, usize> = HashMap::new();
        for (i, b) in r.batches.iter().enumerate() {
            let p = format!("register.batches[{i}]");
            if let Some(first) = seen.insert(b.batch, i) {
                self.err(
                    format!("{p}.batch"),
                    format!(
                        "批次 {} 列出了两次（另见 register.batches[{first}]）",
                        b.batch
                    ),
                    format!(
                        "batch {} is listed twice (also register.batches[{first}])",
                        b.batch
                    ),
                );
            }
            if b.batch == 0 {
                self.err(
                    format!("{p}.batch"),
                    "批次为 0；名单从 1 开始计",
                    "batch 0; lists count from 1",
                );
            }
            if !(1949..=2100).contains(&b.year) {
                self.err(
                    format!("{p}.year"),
                    format!("年份 {} 不在 1949–2100 之内", b.year),
                    format!("year {} is outside 1949–2100", b.year),
                );
            }
            if b.name.is_empty() {
                self.err(format!("{p}.name"), "名称为空", "empty name");
            }
            self.cite(&format!("{p}.source"), &b.source);
            let named = named.get(&b.batch).copied().unwrap_or(0);
            if named > b.announced as usize {
                self.err(
                    format!("{p}.announced"),
                    format!(
                        "有 {named} 个集群标为第 {} 批，而该批名单公布的是 {} 个",
                        b.batch, b.announced
                    ),
                    format!(
                        "{named} clusters name batch {} but the list announced {}",
                        b.batch, b.announced
                    ),
                );
            }
        }
        for (i, n) in r.notes.iter().enumerate() {
            if n.is_empty() {
                self.err(format!("register.notes[{i}]"), "备注为空", "empty note");
            }
        }
    }

    /// Ranks: unique within a batch and within the list's length (the
    /// register's, or the known lists' without one).
    fn ranks(&mut self) {
        let announced: HashMap<u32, u32> = match &self.d.register {
            Some(r) if !r.batches.is_empty() => {
                r.batches.iter().map(|b| (b.batch, b.announced)).collect()
            }
            _ => KNOWN_BATCHES.into_iter().collect(),
        };
        let mut ranks: HashMap<(u32, u32), usize> = HashMap::new();
        for (i, c) in self.d.clusters.iter().enumerate() {
            let Some(des) = &c.designation else { continue };
            let (Some(b), Some(rank)) = (des.batch, des.rank) else {
                continue;
            };
            let p = format!("clusters[{i}].designation.rank");
            if let Some(first) = ranks.insert((b, rank), i) {
                self.err(
                    p.clone(),
                    format!(
                        "第 {b} 批的排名 {rank} 已属于 `{}`",
                        self.d.clusters[first].id.escape_debug()
                    ),
                    format!(
                        "rank {rank} in batch {b} is also `{}`'s",
                        self.d.clusters[first].id.escape_debug()
                    ),
                );
            }
            if let Some(&n) = announced.get(&b)
                && rank > n
            {
                self.err(
                    p,
                    format!("排名 {rank} 超出了第 {b} 批公布的 {n} 个集群"),
                    format!("rank {rank} is beyond the {n} clusters batch {b} announced"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests;

//! Validation of the fields format version 2 added: ranges (`value_high`),
//! web sources (`url`, `accessed`), approximate timeline dates, a
//! designation's batch and rank, and the national register. Called by
//! [`crate::load::validate`] after the version-1 checks; every problem is
//! pushed, none stops the others.

use std::collections::{HashMap, HashSet};

use crate::load::{Problem, Severity};
use crate::model::*;

/// The list numbers the format knows when a file has no register: 1 (2022)
/// and 2 (2024).
const KNOWN_BATCHES: [u32; 2] = [1, 2];

/// Pushes every problem of the version-2 fields of `d` onto `out`.
pub fn validate(d: &Dataset, out: &mut Vec<Problem>) {
    let mut v = V {
        d,
        out,
        sources: d.sources.iter().map(|s| s.id.as_str()).collect(),
    };
    v.run();
}

struct V<'a, 'o> {
    d: &'a Dataset,
    out: &'o mut Vec<Problem>,
    sources: HashSet<&'a str>,
}

fn problem(severity: Severity, path: String, message: impl Into<String>) -> Problem {
    Problem {
        severity,
        path,
        pos: None,
        message: message.into(),
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

/// An absolute `http://` or `https://` address with a host and no white space.
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
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

impl V<'_, '_> {
    fn err(&mut self, path: String, msg: impl Into<String>) {
        self.out.push(problem(Severity::Error, path, msg));
    }

    fn warn(&mut self, path: String, msg: impl Into<String>) {
        self.out.push(problem(Severity::Warning, path, msg));
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
            if e.date_approximate && e.date_note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                self.warn(
                    format!("{p}.date_note"),
                    "the date is approximate but no note says why",
                );
            }
            if !e.date_approximate && e.date_note.is_some() {
                self.warn(
                    format!("{p}.date_approximate"),
                    "a date note is given but the date is not marked approximate",
                );
            }
        }
        if let Some(r) = &d.register {
            self.register(r);
        }
    }

    fn cite(&mut self, p: &str, c: &Citation) {
        if !self.sources.contains(c.source.as_str()) {
            self.err(
                format!("{p}.source"),
                format!("source `{}` is not defined in `sources`", c.source),
            );
        }
        if c.quote.trim().is_empty() {
            self.err(
                format!("{p}.quote"),
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
                format!(
                    "`{}` is not a web address; expected http:// or https:// and a host, without spaces",
                    url.escape_debug()
                ),
            );
        }
        if let Some(a) = &s.accessed {
            if !is_full_date(a) {
                self.err(
                    format!("{p}.accessed"),
                    format!(
                        "`{}` is not a date; expected YYYY-MM-DD (the day the page was read)",
                        a.escape_debug()
                    ),
                );
            }
            if s.url.is_none() {
                self.warn(
                    format!("{p}.accessed"),
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
                "a source needs a `file` (a document of the project) or a `url` (a web page)",
            );
        }
        if s.url.is_some() && s.accessed.is_none() {
            self.warn(
                format!("{p}.accessed"),
                "a web source without the date it was read; add `\"accessed\": \"YYYY-MM-DD\"`",
            );
        }
    }

    fn range(&mut self, p: &str, m: &Metric) {
        let Some(high) = m.value_high else {
            return;
        };
        if !high.is_finite() {
            self.err(format!("{p}.value_high"), "not a finite number");
        } else if m.value.is_finite() && m.value > high {
            self.err(
                format!("{p}.value_high"),
                format!(
                    "the range's high end {high} is below its low end {} (value <= value_high)",
                    m.value
                ),
            );
        } else if m.value == high {
            self.warn(
                format!("{p}.value_high"),
                "equal to `value`: not a range; drop `value_high`",
            );
        }
        if matches!(
            m.qualifier,
            Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::LessThan | Qualifier::UpTo
        ) {
            self.warn(
                format!("{p}.qualifier"),
                "a range with a bound qualifier; a range is read as `exact` or `about`",
            );
        }
    }

    fn designation(&mut self, p: &str, des: &Designation) {
        if let Some(b) = des.batch {
            let known = match &self.d.register {
                Some(r) if !r.batches.is_empty() => r.batches.iter().any(|x| x.batch == b),
                _ => KNOWN_BATCHES.contains(&b),
            };
            if !known {
                let listed: Vec<String> = match &self.d.register {
                    Some(r) if !r.batches.is_empty() => {
                        r.batches.iter().map(|x| x.batch.to_string()).collect()
                    }
                    _ => KNOWN_BATCHES.iter().map(u32::to_string).collect(),
                };
                self.err(
                    format!("{p}.batch"),
                    format!(
                        "batch {b} is not a known list; expected one of {}",
                        listed.join(", ")
                    ),
                );
            }
        }
        if let Some(r) = des.rank {
            if r == 0 {
                self.err(format!("{p}.rank"), "rank 0; ranks count from 1");
            }
            if des.batch.is_none() {
                self.warn(
                    format!("{p}.rank"),
                    "a rank without a `batch`; say which list ranks the cluster",
                );
            }
        }
        if let Some(n) = &des.name_as_listed
            && n.trim().is_empty()
        {
            self.err(
                format!("{p}.name_as_listed"),
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
                "empty; say what the pages disagree on, or leave the field out",
            );
        }
    }

    fn register(&mut self, r: &Register) {
        let mut seen: HashMap<u32, usize> = HashMap::new();
        for (i, b) in r.batches.iter().enumerate() {
            let p = format!("register.batches[{i}]");
            if let Some(first) = seen.insert(b.batch, i) {
                self.err(
                    format!("{p}.batch"),
                    format!(
                        "batch {} is listed twice (also register.batches[{first}])",
                        b.batch
                    ),
                );
            }
            if b.batch == 0 {
                self.err(format!("{p}.batch"), "batch 0; lists count from 1");
            }
            if !(1949..=2100).contains(&b.year) {
                self.err(
                    format!("{p}.year"),
                    format!("year {} is outside 1949–2100", b.year),
                );
            }
            if b.name.is_empty() {
                self.err(format!("{p}.name"), "empty name");
            }
            self.cite(&format!("{p}.source"), &b.source);
            let named = self.d.named_in_batch(b.batch);
            if named > b.announced as usize {
                self.err(
                    format!("{p}.announced"),
                    format!(
                        "{named} clusters name batch {} but the list announced {}",
                        b.batch, b.announced
                    ),
                );
            }
        }
        // Ranks: unique within a batch and within the list's length.
        let announced: HashMap<u32, u32> =
            r.batches.iter().map(|b| (b.batch, b.announced)).collect();
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
                    format!("rank {rank} is beyond the {n} clusters batch {b} announced"),
                );
            }
        }
        for (i, n) in r.notes.iter().enumerate() {
            if n.is_empty() {
                self.err(format!("register.notes[{i}]"), "empty note");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_addresses() {
        assert!(is_full_date("2026-11-22"));
        assert!(is_full_date("2024-02-29"));
        assert!(!is_full_date("2023-02-29"));
        assert!(!is_full_date("2026-11"));
        assert!(!is_full_date("2026-13-01"));
        assert!(!is_full_date("２０２６-11-22"));
        assert!(is_web_address("https://www.miit.gov.cn/a/b.html?x=1"));
        assert!(is_web_address("http://example.org"));
        assert!(!is_web_address("ftp://example.org"));
        assert!(!is_web_address("https://"));
        assert!(!is_web_address("https://exa mple.org"));
        assert!(!is_web_address("www.miit.gov.cn"));
    }
}

//! One cell into JSON, by what its column holds: text, codes, numbers (text
//! that is plainly a number too), whole numbers, TRUE/FALSE, lists, JSON.

use super::*;
use crate::sheets::cells::splits;

/// A number as a message shows it: `2024`, not `2024.0`.
pub(super) fn num_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        units::shown(v)
    }
}

/// Text that is plainly a number: digits, one point, a sign, an exponent;
/// no separators, no units (`5,700` could be 5.7 or 5700).
pub(super) fn plain_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let ok = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && s.bytes().any(|b| b.is_ascii_digit());
    ok.then(|| s.parse::<f64>().ok())
        .flatten()
        .filter(|v| v.is_finite())
}

impl Reader<'_> {
    pub(super) fn convert(&mut self, c: &Column, cell: &Cell, at: At) -> Result<Conv, ()> {
        let text = || -> Option<String> {
            match cell {
                Cell::Text(s) => Some(s.clone()),
                Cell::Number(v) => Some(num_text(*v)),
                Cell::Date(d) => Some(d.clone()),
                Cell::Bool(b) => Some(if *b { "TRUE" } else { "FALSE" }.to_owned()),
                Cell::Empty | Cell::Error(_) => None,
            }
        };
        if let Cell::Error(e) = cell {
            self.error(
                at,
                format!("单元格的值是错误 {e}（公式出错？）"),
                format!("the cell holds the error {e} (a formula that failed?)"),
            );
            return Err(());
        }
        let shown = |s: &str| crate::load::escape_controls(s).into_owned();
        Ok(match c.kind {
            Kind::Text => Conv::Value(Value::String(text().unwrap_or_default())),
            Kind::Code => Conv::Value(Value::String(text().unwrap_or_default().trim().to_owned())),
            Kind::Number => match cell {
                Cell::Number(v) if v.is_finite() => Conv::Value(serde_json::json!(v)),
                Cell::Text(s) => match plain_number(s) {
                    Some(v) => Conv::Value(serde_json::json!(v)),
                    None => {
                        let s = shown(s.trim());
                        let hint = if s.chars().any(|c| c.is_ascii_digit()) {
                            (
                                "只填数字（单位写在 unit 列，不用千位分隔符）",
                                "give the number alone (the unit goes in the unit column; no thousands separators)",
                            )
                        } else {
                            ("这里应填一个数字", "a number goes here")
                        };
                        self.error(
                            at,
                            format!("`{s}` 是文字，不是数字；{}", hint.0),
                            format!("`{s}` is text, not a number; {}", hint.1),
                        );
                        return Err(());
                    }
                },
                _ => {
                    let s = shown(&text().unwrap_or_default());
                    self.error(
                        at,
                        format!("`{s}` 不是数字"),
                        format!("`{s}` is not a number"),
                    );
                    return Err(());
                }
            },
            Kind::Integer => {
                let v = match cell {
                    Cell::Number(v) => Some(*v),
                    Cell::Text(s) => plain_number(s),
                    _ => None,
                };
                match v {
                    Some(v) if v.fract() == 0.0 && v.abs() <= f64::from(i32::MAX) => {
                        Conv::Value(serde_json::json!(v as i64))
                    }
                    _ => {
                        let s = shown(text().unwrap_or_default().trim());
                        self.error(
                            at,
                            format!("`{s}` 不是整数；这里应填年份等整数（如 2023）"),
                            format!(
                                "`{s}` is not a whole number; a year or count goes here (e.g. 2023)"
                            ),
                        );
                        return Err(());
                    }
                }
            }
            Kind::Bool => {
                let b = match cell {
                    Cell::Bool(b) => Some(*b),
                    Cell::Number(v) if *v == 0.0 || *v == 1.0 => Some(*v == 1.0),
                    Cell::Text(s) => match s.trim().to_lowercase().as_str() {
                        "true" | "yes" | "y" | "1" | "是" | "√" | "✓" => Some(true),
                        "false" | "no" | "n" | "0" | "否" => Some(false),
                        _ => None,
                    },
                    _ => None,
                };
                match b {
                    Some(b) => Conv::Value(Value::Bool(b)),
                    None => {
                        let s = shown(text().unwrap_or_default().trim());
                        self.error(
                            at,
                            format!("`{s}` 不是 TRUE 或 FALSE"),
                            format!("`{s}` is not TRUE or FALSE"),
                        );
                        return Err(());
                    }
                }
            }
            Kind::Codes => {
                let t = text().unwrap_or_default();
                let words: Vec<Value> = t
                    .split(|c: char| {
                        matches!(c, ',' | '，' | '、' | ';' | '；') || c.is_whitespace()
                    })
                    .filter(|w| !w.is_empty())
                    .map(|w| Value::String(w.to_owned()))
                    .collect();
                Conv::Value(Value::Array(words))
            }
            Kind::TextList { en, lines } => {
                let t = text().unwrap_or_default();
                let items = t
                    .split(|c| splits(lines, c))
                    .map(|s| s.trim().to_owned())
                    .collect();
                Conv::List(items, en)
            }
            Kind::Json => {
                let t = text().unwrap_or_default();
                match serde_json::from_str::<Value>(&t) {
                    Ok(Value::Object(m)) => Conv::Object(m),
                    Ok(_) => {
                        self.error(
                            at,
                            "应为 JSON 对象 { … }".into(),
                            "expected a JSON object { … }".into(),
                        );
                        return Err(());
                    }
                    Err(e) => {
                        let e = e.to_string();
                        self.error(
                            at,
                            format!("JSON 有误：{e}"),
                            format!("not valid JSON: {e}"),
                        );
                        return Err(());
                    }
                }
            }
        })
    }
}

pub(super) enum Conv {
    Value(Value),
    /// One half of a list of texts (`en` or not).
    List(Vec<String>, bool),
    /// The JSON column's fields.
    Object(Map<String, Value>),
}

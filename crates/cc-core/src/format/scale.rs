//! Display units: which multiple of the base unit a value, a chart or a
//! column is written in (亿元 or 万亿元, CNY bn or tn).

use cc_data::model::Lang;
use cc_data::units::Dimension;

/// A display unit: a multiple of the base unit with its label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// Base units per display unit.
    pub factor: f64,
    /// Written before the number (English money: `CNY `).
    pub prefix: &'static str,
    /// Written after the number (`亿元`, ` bn`, `%`).
    pub suffix: &'static str,
    /// The unit alone, for axis titles and column headers.
    pub label: &'static str,
}

impl Scale {
    /// The same unit with nothing written around the number (for a table
    /// whose unit has its own column).
    pub fn bare(&self) -> Scale {
        Scale {
            prefix: "",
            suffix: "",
            ..*self
        }
    }
}

const fn s(factor: f64, prefix: &'static str, suffix: &'static str, label: &'static str) -> Scale {
    Scale {
        factor,
        prefix,
        suffix,
        label,
    }
}

/// The display units of a dimension in a language, smallest first.
pub(super) fn scales(dim: Dimension, lang: Lang) -> &'static [Scale] {
    use Dimension::*;
    match (lang, dim) {
        (Lang::Zh, MoneyCny) => {
            &const {
                [
                    s(1.0, "", "元", "元"),
                    s(1e4, "", "万元", "万元"),
                    s(1e8, "", "亿元", "亿元"),
                    s(1e12, "", "万亿元", "万亿元"),
                ]
            }
        }
        (Lang::En, MoneyCny) => {
            &const {
                [
                    s(1.0, "CNY ", "", "CNY"),
                    s(1e6, "CNY ", " m", "CNY m"),
                    s(1e9, "CNY ", " bn", "CNY bn"),
                    s(1e12, "CNY ", " tn", "CNY tn"),
                ]
            }
        }
        (Lang::Zh, MoneyUsd) => {
            &const {
                [
                    s(1.0, "", "美元", "美元"),
                    s(1e4, "", "万美元", "万美元"),
                    s(1e8, "", "亿美元", "亿美元"),
                ]
            }
        }
        (Lang::En, MoneyUsd) => {
            &const {
                [
                    s(1.0, "USD ", "", "USD"),
                    s(1e6, "USD ", " m", "USD m"),
                    s(1e9, "USD ", " bn", "USD bn"),
                ]
            }
        }
        (Lang::Zh, Firms) => &const { [s(1.0, "", "家", "家"), s(1e4, "", "万家", "万家")] },
        (Lang::En, Firms) => {
            &const {
                [
                    s(1.0, "", " firms", "firms"),
                    s(1e6, "", " million firms", "million firms"),
                ]
            }
        }
        // 项 and 条 keep the written unit on cards; 个 (last) is the chart unit.
        (Lang::Zh, Count) => {
            &const {
                [
                    s(1.0, "", "项", "项"),
                    s(1.0, "", "条", "条"),
                    s(1.0, "", "个", "个"),
                ]
            }
        }
        (Lang::En, Count) => &const { [s(1.0, "", "", "count")] },
        (Lang::Zh, Vehicles) => &const { [s(1.0, "", "辆", "辆"), s(1e4, "", "万辆", "万辆")] },
        (Lang::En, Vehicles) => {
            &const {
                [
                    s(1.0, "", " vehicles", "vehicles"),
                    s(1e6, "", " million vehicles", "million vehicles"),
                ]
            }
        }
        (Lang::Zh, People) => &const { [s(1.0, "", "人", "人"), s(1e4, "", "万人", "万人")] },
        (Lang::En, People) => {
            &const {
                [
                    s(1.0, "", " people", "people"),
                    s(1e6, "", " million people", "million people"),
                ]
            }
        }
        (Lang::Zh, Power) => {
            &const {
                [
                    s(1.0, "", "千瓦", "千瓦"),
                    s(1e4, "", "万千瓦", "万千瓦"),
                    s(1e6, "", "GW", "GW"),
                ]
            }
        }
        (Lang::En, Power) => {
            &const {
                [
                    s(1.0, "", " kW", "kW"),
                    s(1e3, "", " MW", "MW"),
                    s(1e6, "", " GW", "GW"),
                ]
            }
        }
        (Lang::Zh, Mass) => &const { [s(1.0, "", "吨", "吨"), s(1e4, "", "万吨", "万吨")] },
        (Lang::En, Mass) => {
            &const { [s(1.0, "", " t", "t"), s(1e6, "", " million t", "million t")] }
        }
        (_, Energy) => {
            &const {
                [
                    s(1.0, "", " kWh", "kWh"),
                    s(1e3, "", " MWh", "MWh"),
                    s(1e6, "", " GWh", "GWh"),
                ]
            }
        }
        (Lang::Zh, Area) => {
            &const {
                [
                    s(1.0, "", "平方米", "平方米"),
                    s(1e4, "", "万平方米", "万平方米"),
                ]
            }
        }
        (Lang::En, Area) => &const { [s(1.0, "", " m²", "m²")] },
        (_, Percent) => &const { [s(1.0, "", "%", "%")] },
        (Lang::Zh, Times) => &const { [s(1.0, "", "倍", "倍")] },
        // 增长2.2倍 reads "grew 2.2 times"; "2.2×" would suggest 2.2 times the level.
        (Lang::En, Times) => &const { [s(1.0, "", " times", "times")] },
        (Lang::Zh, Years) => &const { [s(1.0, "", "年", "年")] },
        (Lang::En, Years) => &const { [s(1.0, "", " years", "years")] },
    }
}

/// The display unit for values up to `max_abs_base` (in base units): the
/// largest unit in which that value is still at least 1.
pub fn scale_for(dim: Dimension, lang: Lang, max_abs_base: f64) -> Scale {
    let all = scales(dim, lang);
    all.iter()
        .rev()
        .find(|s| max_abs_base.abs() >= s.factor)
        .copied()
        .unwrap_or(all[0])
}

/// The display unit of a chart or a column showing `values` (in base
/// units): the largest unit in which every value shown is at least 1, so
/// that 1213亿元 beside 1.85万亿元 reads 1213亿元 and 18500亿元, never
/// 0.1213万亿元 (English: CNY 121.3 bn and CNY 1,850 bn, never CNY 0.12 tn).
/// Where that unit would write the largest value with more than five whole
/// digits, the next larger unit is taken. Zero and values that are not
/// finite play no part.
pub fn scale_for_values(
    dim: Dimension,
    lang: Lang,
    values: impl IntoIterator<Item = f64>,
) -> Scale {
    let (mut min, mut max) = (f64::INFINITY, 0.0f64);
    for v in values {
        let a = v.abs();
        if a.is_finite() && a > 0.0 {
            min = min.min(a);
            max = max.max(a);
        }
    }
    if max == 0.0 {
        return scale_for(dim, lang, 0.0);
    }
    let all = scales(dim, lang);
    let mut i = all
        .iter()
        .rposition(|s| min >= s.factor)
        .or_else(|| all.iter().rposition(|s| max >= s.factor))
        .unwrap_or(0);
    while i + 1 < all.len() && max / all[i].factor >= 1e5 && all[i + 1].factor > all[i].factor {
        i += 1;
    }
    all[i]
}

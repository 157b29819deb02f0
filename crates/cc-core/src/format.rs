//! The one place that writes numbers, units, qualifiers and years, for
//! Chinese (5700亿元) and English (CNY 570 bn) readers. Views and exports call
//! these; none of them formats a number on its own.

use cc_data::model::{AsOf, Category, Lang, Qualifier};
use cc_data::units::{Dimension, Quantity};

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
fn scales(dim: Dimension, lang: Lang) -> &'static [Scale] {
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

/// Writes a plain number with thousands separators (`5,641.6`, in both
/// languages). A number of up to [`WRITTEN_DIGITS`] significant digits is
/// written with all of them, so no digit a source wrote is dropped
/// (`5641.6`, `1.0135`); a longer one, such as a computed ratio, with four
/// (more for large integers), trailing zeros trimmed.
///
/// Magnitudes a reader cannot take in as digits (from 10^15 up, or non-zero
/// below 10^-6, where six decimals would show 0) are written in scientific
/// notation with four significant digits, `1e308`, `-2.5e-300`; negative zero
/// is `0`.
pub fn number(v: f64, _lang: Lang) -> String {
    if !v.is_finite() {
        return "–".to_owned();
    }
    if v == 0.0 {
        return "0".to_owned();
    }
    if needs_scientific(v) {
        return scientific(v, 4);
    }
    let mut text = match as_written(v) {
        Some(t) => t,
        None => {
            let mag = v.abs().log10().floor() as i32;
            // Four significant digits; up to six decimals so a small value in
            // a large common unit (3亿元 in 万亿元) is not shown as 0.
            let decimals = (3 - mag).clamp(0, 6) as usize;
            let t = format!("{v:.decimals$}");
            if t.contains('.') {
                t.trim_end_matches('0').trim_end_matches('.').to_owned()
            } else {
                t
            }
        }
    };
    if text == "-0" {
        text = "0".to_owned();
    }
    group_thousands(&text)
}

/// Numbers of up to this many significant digits are written in full by
/// [`number`]: figures as sources write them (`5641.6`, `10135`, `1.0135`
/// once in 万亿元) have fewer; computed values mostly have more.
pub const WRITTEN_DIGITS: usize = 7;

/// `v`'s shortest exact digits (conversion noise rounded away), when it has
/// at most [`WRITTEN_DIGITS`] significant digits and six decimals.
fn as_written(v: f64) -> Option<String> {
    let t = format!("{}", round_sig(v));
    let digits = t.trim_start_matches('-').replace('.', "");
    let significant = digits.trim_start_matches('0');
    let decimals = t.split_once('.').map_or(0, |(_, f)| f.len());
    (significant.len() <= WRITTEN_DIGITS && decimals <= 6).then_some(t)
}

/// A count with its noun: `1 cluster`, `68 clusters`, `68 个集群`
/// (Chinese takes its measure word, `zh`, whatever the number).
pub fn count(n: usize, lang: Lang, zh: &str, one: &str, many: &str) -> String {
    match lang {
        Lang::Zh => format!("{n} {zh}"),
        Lang::En if n == 1 => format!("{n} {one}"),
        Lang::En => format!("{n} {many}"),
    }
}

/// From this magnitude up, numbers are written in scientific notation.
const SCIENTIFIC_LARGE: f64 = 1e15;
/// Below this magnitude (and not zero), numbers are written in scientific notation.
const SCIENTIFIC_SMALL: f64 = 1e-6;

/// Is `v` written in scientific notation (see [`number`])?
pub fn needs_scientific(v: f64) -> bool {
    let a = v.abs();
    a != 0.0 && !(SCIENTIFIC_SMALL..SCIENTIFIC_LARGE).contains(&a)
}

/// `v` with `digits` significant digits in scientific notation, trailing
/// zeros of the mantissa trimmed: `1e308`, `1.235e-300`.
fn scientific(v: f64, digits: usize) -> String {
    let text = format!("{v:.prec$e}", prec = digits.saturating_sub(1));
    match text.split_once('e') {
        Some((m, e)) if m.contains('.') => {
            format!("{}e{e}", m.trim_end_matches('0').trim_end_matches('.'))
        }
        _ => text,
    }
}

/// Rounds away floating-point noise from unit conversion (0.57000000001 →
/// 0.57): ten significant digits, whole numbers from 10^10 up; values too
/// large to hold whole digits stay as they are. Negative zero becomes zero.
pub fn round_sig(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return if x == 0.0 { 0.0 } else { x };
    }
    let a = x.abs();
    if a >= SCIENTIFIC_LARGE {
        x
    } else if a >= 1e10 {
        x.round()
    } else {
        // Formatting to ten significant digits and reading back works at any
        // magnitude, where scaling by a power of ten would flush 1e-300 to 0.
        format!("{x:.9e}").parse().unwrap_or(x)
    }
}

/// A number for a machine-readable cell (CSV, TSV): no grouping, no unit,
/// noise rounded away ([`round_sig`]), never `-0`, scientific notation beyond
/// the magnitudes [`number`] writes as digits (spreadsheets read `1e308`);
/// empty for a value that is not finite.
pub fn plain_number(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let v = round_sig(v);
    if v == 0.0 {
        "0".to_owned()
    } else if needs_scientific(v) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// The longest a name may be in a title or a column header, in characters.
/// Longer names are shortened there with an ellipsis (the full name stays in
/// the body: hover text, cluster lists, data cells).
pub const NAME_MAX_CHARS: usize = 90;

/// Shortens `s` to at most `max` characters (not bytes), ending with `…`
/// when anything was cut, so a shortened text is visibly shortened.
///
/// ```
/// use cc_core::format::shorten;
/// assert_eq!(shorten("深圳先进电池材料集群", 5), "深圳先进…");
/// assert_eq!(shorten("short", 5), "short");
/// ```
pub fn shorten(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(s),
        Some(_) => {
            let keep = max.saturating_sub(1);
            let end = s.char_indices().nth(keep).map_or(s.len(), |(i, _)| i);
            std::borrow::Cow::Owned(format!("{}…", s[..end].trim_end()))
        }
    }
}

/// As [`shorten`], but a text with spaces between its words is cut at a
/// space rather than inside a word (`…advanced…` not `…manufactur…`), when
/// that keeps at least half of it; text without spaces (Chinese) is cut as
/// [`shorten`] cuts it.
pub fn shorten_words(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let cut = shorten(s, max);
    let std::borrow::Cow::Owned(short) = &cut else {
        return cut;
    };
    let kept = &short[..short.len() - '…'.len_utf8()];
    let next = s[kept.len()..].chars().next();
    let inside_word = kept.chars().next_back().is_some_and(char::is_alphanumeric)
        && next.is_some_and(char::is_alphanumeric);
    if !inside_word {
        return cut;
    }
    match kept.rfind(char::is_whitespace) {
        Some(at) if kept[..at].chars().count() * 2 >= max => {
            std::borrow::Cow::Owned(format!("{}…", kept[..at].trim_end()))
        }
        _ => cut,
    }
}

/// A name shortened for a title or a header ([`NAME_MAX_CHARS`]).
pub fn short_name(s: &str) -> std::borrow::Cow<'_, str> {
    shorten(s, NAME_MAX_CHARS)
}

/// A policy instrument category in words.
pub fn category(lang: Lang, c: Category) -> &'static str {
    match c {
        Category::PlanningTargets => crate::words::PLANNING_TARGETS.get(lang),
        Category::Talent => crate::words::TALENT.get(lang),
        Category::FinanceFunds => crate::words::FINANCE_FUNDS.get(lang),
        Category::PublicPlatforms => crate::words::PUBLIC_SERVICE_PLATFORMS.get(lang),
        Category::PromotionGovernance => crate::words::PROMOTION_ORGANISATION_GOVERNANCE.get(lang),
        Category::DemandMarket => crate::words::DEMAND_MARKET.get(lang),
        Category::ChainLeadFirms => crate::words::CHAIN_BUILDING_LEAD_FIRMS.get(lang),
        Category::DigitalTransformation => crate::words::DIGITAL_TRANSFORMATION.get(lang),
        Category::CrossRegional => crate::words::CROSS_REGIONAL_COOPERATION.get(lang),
        Category::GoingAbroad => crate::words::GOING_ABROAD.get(lang),
    }
}

fn group_thousands(text: &str) -> String {
    let (sign, rest) = text.strip_prefix('-').map_or(("", text), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// A value already in base units, written in `scale`.
pub fn in_scale(base: f64, scale: &Scale, lang: Lang) -> String {
    format!(
        "{}{}{}",
        scale.prefix,
        number(base / scale.factor, lang),
        scale.suffix
    )
}

/// A quantity in its natural display unit: `5700亿元` / `CNY 570 bn`.
///
/// Chinese keeps the unit the figure was written in where that unit is one of
/// the display units, so the card reads as the source does.
///
/// ```
/// use cc_core::format;
/// use cc_data::{model::Lang, units::Quantity};
/// let q = Quantity::new(5700.0, "亿元").unwrap();
/// assert_eq!(format::quantity(&q, Lang::Zh), "5,700亿元");
/// assert_eq!(format::quantity(&q, Lang::En), "CNY 570 bn");
/// ```
pub fn quantity(q: &Quantity, lang: Lang) -> String {
    if lang == Lang::Zh
        && let Some(sc) = scales(q.dimension(), lang)
            .iter()
            .find(|s| s.suffix == q.unit.symbol)
    {
        return in_scale(q.base(), sc, lang);
    }
    let scale = scale_for(q.dimension(), lang, q.base());
    in_scale(q.base(), &scale, lang)
}

/// The qualifier as a symbol: `>` for 超过, `≈` for 近 and 约.
pub fn qualifier_symbol(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::MoreThan => ">",
        Qualifier::AtLeast => "≥",
        Qualifier::About | Qualifier::Nearly => "≈",
        Qualifier::LessThan => "<",
        Qualifier::UpTo => "≤",
    }
}

/// The qualifier in words.
pub fn qualifier_word(q: Qualifier, lang: Lang) -> &'static str {
    match (lang, q) {
        (_, Qualifier::Exact) => "",
        (Lang::Zh, Qualifier::MoreThan) => "超过",
        (Lang::Zh, Qualifier::AtLeast) => "不少于",
        (Lang::Zh, Qualifier::About) => "约",
        (Lang::Zh, Qualifier::Nearly) => "近",
        (Lang::Zh, Qualifier::LessThan) => "不足",
        (Lang::En, Qualifier::MoreThan) => "more than",
        (Lang::En, Qualifier::AtLeast) => "at least",
        (Lang::En, Qualifier::About) => "about",
        (Lang::En, Qualifier::Nearly) => "nearly",
        (Lang::En, Qualifier::LessThan) => "less than",
        (Lang::Zh, Qualifier::UpTo) => "最高",
        (Lang::En, Qualifier::UpTo) => "up to",
    }
}

/// A figure with its qualifier symbol: `> 5700亿元`, `≈ 2.4 million vehicles`.
pub fn figure(q: &Quantity, qual: Qualifier, lang: Lang) -> String {
    let sym = qualifier_symbol(qual);
    if sym.is_empty() {
        quantity(q, lang)
    } else {
        format!("{sym} {}", quantity(q, lang))
    }
}

/// A base-unit value in a scale, with the qualifier symbol.
pub fn figure_in_scale(base: f64, qual: Qualifier, scale: &Scale, lang: Lang) -> String {
    let sym = qualifier_symbol(qual);
    let v = in_scale(base, scale, lang);
    if sym.is_empty() {
        v
    } else {
        format!("{sym} {v}")
    }
}

/// A range in the figure's natural display unit, with the qualifier symbol:
/// `85%–90%`, `≈ CNY 57–60 bn`. `high` is in the same unit as `low`.
///
/// ```
/// use cc_core::format;
/// use cc_data::{model::{Lang, Qualifier}, units::Quantity};
/// let q = Quantity::new(85.0, "%").unwrap();
/// assert_eq!(format::range(&q, 90.0, Qualifier::Exact, Lang::Zh), "85%–90%");
/// ```
pub fn range(low: &Quantity, high: f64, qual: Qualifier, lang: Lang) -> String {
    let sc = if lang == Lang::Zh
        && let Some(sc) = scales(low.dimension(), lang)
            .iter()
            .find(|s| s.suffix == low.unit.symbol)
    {
        *sc
    } else {
        scale_for(
            low.dimension(),
            lang,
            low.base().abs().max(high.abs() * low.unit.factor),
        )
    };
    range_in_scale(low.base(), high * low.unit.factor, qual, &sc, lang)
}

/// A range of base-unit values in `scale`, with the qualifier symbol:
/// `0.57–0.6万亿元`.
pub fn range_in_scale(low: f64, high: f64, qual: Qualifier, scale: &Scale, lang: Lang) -> String {
    let sym = qualifier_symbol(qual);
    // Percentages repeat the sign, as the sources write them (85%—90%).
    let low_suffix = if scale.suffix == "%" { "%" } else { "" };
    let v = format!(
        "{}{}{low_suffix}–{}{}",
        scale.prefix,
        number(low / scale.factor, lang),
        number(high / scale.factor, lang),
        scale.suffix
    );
    if sym.is_empty() {
        v
    } else {
        format!("{sym} {v}")
    }
}

/// The word that marks a forecast: `预计` / `forecast`.
pub fn forecast_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "预计",
        Lang::En => "forecast",
    }
}

/// A figure marked as a forecast: `> 40亿元（预计）` / `> CNY 4 bn (forecast)`.
pub fn forecast(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{text}（预计）"),
        Lang::En => format!("{text} (forecast)"),
    }
}

/// A figure as written, in its own unit, with everything that qualifies it:
/// qualifier, range and forecast mark (`≈ 85%–90%`, `> 40亿元（预计）`).
/// `None` for an unknown unit.
pub fn metric(m: &cc_data::model::Metric, lang: Lang) -> Option<String> {
    let q = Quantity::new(m.value, &m.unit)?;
    let text = match m.value_high {
        Some(h) => range(&q, h, m.qualifier, lang),
        None => figure(&q, m.qualifier, lang),
    };
    Some(if m.forecast {
        forecast(&text, lang)
    } else {
        text
    })
}

/// A timeline date, marked when approximate: `约2024-09` / `c. 2024-09`.
pub fn event_date(date: &str, approximate: bool, lang: Lang) -> String {
    match (approximate, lang) {
        (false, _) => date.to_owned(),
        (true, Lang::Zh) => format!("约{date}"),
        (true, Lang::En) => format!("c. {date}"),
    }
}

/// A difference to the baseline behind the symbol of its bound: `< +225%`,
/// `≈ +5.4%`; `sym` empty for an exact difference.
pub fn bounded(sym: &str, diff: &str) -> String {
    if sym.is_empty() {
        diff.to_owned()
    } else {
        format!("{sym} {diff}")
    }
}

/// An as-of year: `2023`, or marked when approximate: `约2021` / `c. 2021`.
pub fn as_of(a: &AsOf, lang: Lang) -> String {
    year(a.year, a.approximate, lang)
}

/// A year, marked when approximate.
pub fn year(y: i32, approximate: bool, lang: Lang) -> String {
    match (approximate, lang) {
        (false, _) => y.to_string(),
        (true, Lang::Zh) => format!("约{y}"),
        (true, Lang::En) => format!("c. {y}"),
    }
}

/// A signed percentage difference against a baseline: `+224%`, `−12%`.
pub fn percent_diff(ratio: f64, lang: Lang) -> String {
    if !ratio.is_finite() {
        return "–".to_owned();
    }
    let pct = (ratio - 1.0) * 100.0;
    // Whole percent from 10 % up, one decimal below: no false precision.
    let pct = if pct.abs() >= 10.0 {
        pct.round()
    } else {
        (pct * 10.0).round() / 10.0
    };
    let body = number(pct.abs(), lang);
    if pct > 0.0 && body != "0" {
        format!("+{body}%")
    } else if pct < 0.0 && body != "0" {
        format!("−{body}%")
    } else {
        "±0%".to_owned()
    }
}

/// A ratio to two decimals: `3.25×`.
pub fn ratio(r: f64, lang: Lang) -> String {
    format!("{}×", number((r * 100.0).round() / 100.0, lang))
}

/// A difference in percentage points: `+9 pp` / `+9个百分点`.
pub fn points(pp: f64, lang: Lang) -> String {
    if !pp.is_finite() {
        return "–".to_owned();
    }
    let pp = (pp * 10.0).round() / 10.0;
    let sign = if pp > 0.0 {
        "+"
    } else if pp < 0.0 {
        "−"
    } else {
        "±"
    };
    let n = number(pp.abs(), lang);
    match lang {
        Lang::Zh => format!("{sign}{n}个百分点"),
        Lang::En => format!("{sign}{n} pp"),
    }
}

/// A difference against the baseline, `≈`-marked when either figure is hedged
/// (超过, 近, 约...): then it is a bound or an estimate, not an exact ratio.
pub fn vs_baseline(r: f64, hedged: bool, lang: Lang) -> String {
    let d = percent_diff(r, lang);
    if hedged { format!("≈ {d}") } else { d }
}

/// Progress towards a target, as a percentage: `94%`.
pub fn progress(fraction: f64, lang: Lang) -> String {
    format!("{}%", number((fraction * 100.0).round(), lang))
}

/// How much of the national register the dataset names: `名录：2022年名单45个中
/// 列出42个，2024年名单35个中列出26个（共80个中68个）` / `Register: named 42 of
/// 45 (2022 list), 26 of 35 (2024 list); 68 of 80 in all`. `None` without a
/// register.
pub fn register_coverage(d: &cc_data::model::Dataset, lang: Lang) -> Option<String> {
    let r = d.register.as_ref()?;
    let named = d.named_by_batch();
    let parts: Vec<(i32, u32, usize)> = r
        .batches
        .iter()
        .map(|b| {
            (
                b.year,
                b.announced,
                named.get(&b.batch).copied().unwrap_or(0),
            )
        })
        .collect();
    let (named, announced) = d.register_named()?;
    Some(match lang {
        Lang::Zh => format!(
            "名录：{}（共{announced}个中{named}个）",
            parts
                .iter()
                .map(|(y, a, n)| format!("{y}年名单{a}个中列出{n}个"))
                .collect::<Vec<_>>()
                .join("，")
        ),
        Lang::En => format!(
            "Register: named {}; {named} of {announced} in all",
            parts
                .iter()
                .map(|(y, a, n)| format!("{n} of {a} ({y} list)"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_cut_between_words() {
        let s = "Shenzhen advanced battery materials manufacturing cluster";
        let cut = shorten_words(s, 48);
        assert_eq!(cut, "Shenzhen advanced battery materials…");
        assert_eq!(shorten_words("深圳先进电池材料集群", 5), "深圳先进…");
        assert_eq!(shorten_words("short", 48), "short");
        // One long word is cut inside it rather than left almost empty.
        assert_eq!(
            shorten_words("a verylongwordwithoutanyspaces", 10),
            "a verylon…"
        );
    }

    fn q(v: f64, u: &str) -> Quantity {
        Quantity::new(v, u).unwrap()
    }

    #[test]
    fn chinese_keeps_the_written_unit() {
        assert_eq!(quantity(&q(5700.0, "亿元"), Lang::Zh), "5,700亿元");
        assert_eq!(quantity(&q(1.85, "万亿元"), Lang::Zh), "1.85万亿元");
        assert_eq!(quantity(&q(24.64, "万吨"), Lang::Zh), "24.64万吨");
        assert_eq!(quantity(&q(4223.0, "家"), Lang::Zh), "4,223家");
    }

    #[test]
    fn english_uses_billions_and_trillions() {
        assert_eq!(quantity(&q(5700.0, "亿元"), Lang::En), "CNY 570 bn");
        assert_eq!(quantity(&q(1.85, "万亿元"), Lang::En), "CNY 1.85 tn");
        assert_eq!(
            quantity(&q(240.0, "万辆"), Lang::En),
            "2.4 million vehicles"
        );
        assert_eq!(quantity(&q(1200.0, "家"), Lang::En), "1,200 firms");
        assert_eq!(quantity(&q(940.0, "GWh"), Lang::En), "940 GWh");
    }

    #[test]
    fn qualifiers_are_visible() {
        assert_eq!(
            figure(&q(5700.0, "亿元"), Qualifier::MoreThan, Lang::Zh),
            "> 5,700亿元"
        );
        assert_eq!(
            figure(&q(240.0, "万辆"), Qualifier::Nearly, Lang::En),
            "≈ 2.4 million vehicles"
        );
        assert_eq!(qualifier_word(Qualifier::LessThan, Lang::Zh), "不足");
    }

    #[test]
    fn common_scale_for_a_chart_follows_the_largest_value() {
        let sc = scale_for(Dimension::MoneyCny, Lang::Zh, 1.85e12);
        assert_eq!(sc.label, "万亿元");
        assert_eq!(in_scale(5.7e11, &sc, Lang::Zh), "0.57万亿元");
        let sc = scale_for(Dimension::MoneyCny, Lang::En, 5.7e11);
        assert_eq!(sc.label, "CNY bn");
    }

    #[test]
    fn a_chart_of_values_under_one_wanyi_is_in_yi_and_billions() {
        // Output values as the seed has them: 1213亿元, 2518亿元, 1.85万亿元.
        let vals = [1213e8, 2518e8, 1.85e12];
        let zh = scale_for_values(Dimension::MoneyCny, Lang::Zh, vals);
        assert_eq!(zh.label, "亿元");
        assert_eq!(in_scale(2518e8, &zh, Lang::Zh), "2,518亿元");
        assert_eq!(in_scale(1.85e12, &zh, Lang::Zh), "18,500亿元");
        let en = scale_for_values(Dimension::MoneyCny, Lang::En, vals);
        assert_eq!(en.label, "CNY bn");
        assert_eq!(in_scale(2518e8, &en, Lang::En), "CNY 251.8 bn");
        assert_eq!(in_scale(1.85e12, &en, Lang::En), "CNY 1,850 bn");
        // Every value a 万亿 or more: 万亿元 / tn.
        let big = [1.85e12, 2.4e12];
        assert_eq!(
            scale_for_values(Dimension::MoneyCny, Lang::Zh, big).label,
            "万亿元"
        );
        assert_eq!(
            scale_for_values(Dimension::MoneyCny, Lang::En, big).label,
            "CNY tn"
        );
        // A value far below the rest does not write the largest with seven digits.
        let spread = [5e5, 2e12];
        assert_eq!(
            scale_for_values(Dimension::MoneyCny, Lang::Zh, spread).label,
            "亿元"
        );
        // Zero and NaN play no part; nothing at all: the smallest unit.
        assert_eq!(
            scale_for_values(Dimension::MoneyCny, Lang::Zh, [0.0, f64::NAN, 3e11]).label,
            "亿元"
        );
        assert_eq!(
            scale_for_values(Dimension::MoneyCny, Lang::Zh, []).label,
            "元"
        );
        assert_eq!(
            scale_for_values(Dimension::Count, Lang::Zh, [0.5, 13.0]).label,
            "个"
        );
    }

    #[test]
    fn numbers_round_and_group() {
        assert_eq!(number(1234567.0, Lang::En), "1,234,567");
        assert_eq!(number(1234567.0, Lang::Zh), "1,234,567");
        assert_eq!(
            count(1, Lang::En, "个集群", "cluster", "clusters"),
            "1 cluster"
        );
        assert_eq!(
            count(2, Lang::En, "个集群", "cluster", "clusters"),
            "2 clusters"
        );
        assert_eq!(
            count(1, Lang::Zh, "个集群", "cluster", "clusters"),
            "1 个集群"
        );
        // Every digit a source wrote stays; computed values keep four.
        assert_eq!(number(5641.6, Lang::Zh), "5,641.6");
        assert_eq!(number(10135.0 / 1e4, Lang::En), "1.0135");
        assert_eq!(number(0.1213, Lang::Zh), "0.1213");
        assert_eq!(number(12.345_678_9, Lang::En), "12.35");
        assert_eq!(number(1.0 / 3.0, Lang::En), "0.3333");
        assert_eq!(number(0.395, Lang::En), "0.395");
        assert_eq!(number(0.0003, Lang::Zh), "0.0003");
        assert_eq!(quantity(&q(13.0, "条"), Lang::Zh), "13条");
        assert_eq!(scale_for(Dimension::Count, Lang::Zh, 13.0).label, "个");
        assert_eq!(number(-1500.0, Lang::En), "-1,500");
        assert_eq!(number(f64::NAN, Lang::En), "–");
    }

    #[test]
    fn approximate_years_are_marked() {
        let a = AsOf {
            year: 2021,
            approximate: true,
            note: None,
        };
        assert_eq!(as_of(&a, Lang::Zh), "约2021");
        assert_eq!(as_of(&a, Lang::En), "c. 2021");
    }

    #[test]
    fn ranges_up_to_and_forecasts_are_written_visibly() {
        assert_eq!(
            range(&q(85.0, "%"), 90.0, Qualifier::Exact, Lang::En),
            "85%–90%"
        );
        assert_eq!(
            range(&q(5700.0, "亿元"), 6000.0, Qualifier::About, Lang::En),
            "≈ CNY 570–600 bn"
        );
        assert_eq!(figure(&q(38.1, "%"), Qualifier::UpTo, Lang::Zh), "≤ 38.1%");
        assert_eq!(qualifier_word(Qualifier::UpTo, Lang::En), "up to");
        assert_eq!(forecast("> 40亿元", Lang::Zh), "> 40亿元（预计）");
        assert_eq!(event_date("2024-09", true, Lang::En), "c. 2024-09");
        assert_eq!(bounded("<", "+225%"), "< +225%");
    }

    #[test]
    fn baseline_differences() {
        assert_eq!(percent_diff(3.2456, Lang::En), "+225%");
        assert_eq!(percent_diff(1.054, Lang::En), "+5.4%");
        assert_eq!(ratio(3.2456, Lang::En), "3.25×");
        assert_eq!(vs_baseline(3.2456, true, Lang::Zh), "≈ +225%");
        assert_eq!(points(71.0, Lang::En), "+71 pp");
        assert_eq!(points(-8.44, Lang::Zh), "−8.4个百分点");
        assert_eq!(percent_diff(f64::NAN, Lang::En), "–");
        assert_eq!(percent_diff(0.5, Lang::En), "−50%");
        assert_eq!(percent_diff(1.0, Lang::En), "±0%");
    }

    #[test]
    fn extreme_values_are_written_in_scientific_notation_not_as_hundreds_of_digits() {
        assert_eq!(number(1e308, Lang::En), "1e308");
        assert_eq!(number(-1.23456e20, Lang::Zh), "-1.235e20");
        assert_eq!(number(1e-300, Lang::En), "1e-300");
        assert_eq!(number(2.5e-7, Lang::Zh), "2.5e-7");
        assert_eq!(number(-0.0, Lang::En), "0");
        assert_eq!(number(999_999_999_999.0, Lang::En), "999,999,999,999");
        assert_eq!(plain_number(1e308), "1e308");
        assert_eq!(plain_number(1e-300), "1e-300");
        assert_eq!(plain_number(-0.0), "0");
        assert_eq!(plain_number(-1e-30 * 0.0), "0");
        assert_eq!(plain_number(0.570_000_000_01), "0.57");
        assert_eq!(plain_number(-12.5), "-12.5");
        assert_eq!(plain_number(f64::INFINITY), "");
        assert!(plain_number(1e308).len() < 10);
        assert_eq!(
            round_sig(1.5e-300),
            1.5e-300,
            "tiny values keep their digits"
        );
        assert_eq!(percent_diff(1e300, Lang::En).len(), "+1e302%".len());
    }

    #[test]
    fn long_names_are_shortened_visibly_by_characters() {
        let long = "集".repeat(10_000);
        let s = short_name(&long);
        assert_eq!(s.chars().count(), NAME_MAX_CHARS);
        assert!(s.ends_with('…'));
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("abcd", 3), "ab…");
        assert_eq!(shorten("", 0), "");
    }
}

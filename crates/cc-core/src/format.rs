//! The one place that writes numbers, units, qualifiers and years, for
//! Chinese (5700亿元) and English (CNY 570 bn) readers. Views and exports call
//! these; none of them formats a number on its own.

use cc_data::model::{AsOf, Category, Lang, Qualifier};
use cc_data::units::Quantity;

mod scale;
use scale::scales;
pub use scale::{Scale, scale_for, scale_for_values};

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
mod tests;

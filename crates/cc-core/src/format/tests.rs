//! The number and word formats, as readers see them.

use super::*;
use cc_data::units::Dimension;

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

//! The cluster table's tests: columns, sorting, growth.

use super::*;
use cc_data::model::{AsOf, Metric, MetricKey, Text};

fn metric(key: &str, value: f64, unit: &str, qualifier: Qualifier, year: i32) -> Metric {
    Metric {
        key: key.into(),
        value,
        unit: unit.into(),
        qualifier,
        as_of: AsOf {
            year,
            ..Default::default()
        },
        source: Citation {
            source: "s".into(),
            quote: format!("{value}{unit}"),
        },
        ..Default::default()
    }
}

fn data() -> Dataset {
    let c = |id: &str, metrics: Vec<Metric>| Cluster {
        id: id.into(),
        name: Text::new(id, id),
        metrics,
        ..Default::default()
    };
    Dataset {
        metric_keys: vec![
            MetricKey {
                key: "output_value".into(),
                name: Text::new("产值", "Output value"),
                headline: true,
                ..MetricKey::default()
            },
            MetricKey {
                key: "not_headline".into(),
                name: Text::new("其他", "Other"),
                headline: false,
                ..MetricKey::default()
            },
        ],
        clusters: vec![
            c("none", vec![]),
            c(
                "bound",
                vec![metric(
                    "output_value",
                    5700.0,
                    "亿元",
                    Qualifier::MoreThan,
                    2021,
                )],
            ),
            c(
                "big",
                vec![
                    metric("output_value", 1.0, "万亿元", Qualifier::Exact, 2020),
                    metric("output_value", 1.85, "万亿元", Qualifier::Exact, 2022),
                ],
            ),
            c(
                "exact",
                vec![metric(
                    "output_value",
                    5700.0,
                    "亿元",
                    Qualifier::Exact,
                    2021,
                )],
            ),
            c(
                "other-kind",
                vec![metric("output_value", 3.0, "家", Qualifier::Exact, 2021)],
            ),
        ],
        ..Default::default()
    }
}

#[test]
fn one_row_per_cluster_and_one_column_per_headline_metric() {
    let t = ClusterTable::build(&data(), Lang::Zh);
    assert_eq!(t.rows.len(), 5);
    assert_eq!(t.columns.len(), 1, "only headline keys");
    assert_eq!(t.columns[0].header(Lang::Zh), "产值（亿元）");
    assert_eq!(
        t.rows[2].values[0].as_ref().unwrap().text,
        "18,500",
        "latest year"
    );
    assert_eq!(t.rows[1].values[0].as_ref().unwrap().text, "> 5,700");
    assert!(t.rows[1].values[0].as_ref().unwrap().bound);
    let odd = t.rows[4].values[0].as_ref().unwrap();
    assert_eq!(odd.number, None, "another kind is not converted");
    assert_eq!(odd.text, "3家");
    assert_eq!(t.rows[2].figures, 2);
}

#[test]
fn sorting_puts_missing_last_and_is_stable() {
    let d = data();
    let t = ClusterTable::build(&d, Lang::En);
    let ids = |rows: &[usize]| {
        rows.iter()
            .map(|&i| t.rows[i].id.as_str())
            .collect::<Vec<_>>()
    };
    let mut rows: Vec<usize> = (0..5).collect();
    let mut s = Sort {
        key: SortKey::Metric("output_value".into()),
        descending: true,
    };
    t.sort(&mut rows, &s);
    // The bound and the exact 5700 tie on the number: dataset order kept.
    assert_eq!(ids(&rows), ["big", "bound", "exact", "none", "other-kind"]);
    s.descending = false;
    let mut rows: Vec<usize> = (0..5).collect();
    t.sort(&mut rows, &s);
    assert_eq!(ids(&rows), ["bound", "exact", "big", "none", "other-kind"]);
    let mut rows: Vec<usize> = (0..5).collect();
    t.sort(
        &mut rows,
        &Sort {
            key: SortKey::Figures,
            descending: true,
        },
    );
    assert_eq!(ids(&rows)[0], "big");
    assert_eq!(t.parse_key("figures"), Some(SortKey::Figures));
    assert_eq!(
        t.parse_key("output_value"),
        Some(SortKey::Metric("output_value".into()))
    );
    assert_eq!(t.parse_key("not_headline"), None);
}

#[test]
fn a_growth_column_sorts_by_the_average_annual_growth() {
    let mut d = data();
    // A second series, slower, with a bound at its end: "more than".
    d.clusters[3].metrics.push(metric(
        "output_value",
        6000.0,
        "亿元",
        Qualifier::MoreThan,
        2023,
    ));
    let t = ClusterTable::build(&d, Lang::En);
    assert_eq!(t.growth.len(), 1);
    assert_eq!(
        t.growth[0].header(Lang::En),
        "Output value, growth a year (%)"
    );
    let big = t.rows[2].growth[0].as_ref().expect("two years: growth");
    // 1 → 1.85 over two years: 36% a year.
    assert_eq!(big.text, "36");
    assert!(
        big.note.starts_with("36% a year (2020–2022)"),
        "{}",
        big.note
    );
    let exact = t.rows[3].growth[0].as_ref().unwrap();
    assert_eq!(exact.text, "> 2.6", "a bound at the end stays a bound");
    assert!(t.rows[1].growth[0].is_none(), "one year: no growth");
    let key = t.parse_key("growth:output_value").expect("growth key");
    assert_eq!(key.code(), "growth:output_value");
    let mut rows: Vec<usize> = (0..5).collect();
    t.sort(
        &mut rows,
        &Sort {
            key,
            descending: true,
        },
    );
    let ids: Vec<_> = rows.iter().map(|&i| t.rows[i].id.as_str()).collect();
    assert_eq!(ids, ["big", "exact", "none", "bound", "other-kind"]);
    assert!(t.key_codes().contains(&"growth:output_value".to_owned()));
}

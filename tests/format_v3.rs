//! Format version 3: definitions as data. A metric key declares its
//! dimension and the closed list of definitions its figures may have; figures
//! compare only when their definitions are equal, and `unspecified` compares
//! with nothing.

use cluster_compare::compare::Comparison;
use cluster_compare::load;
use cluster_compare::model::Lang;

fn load_json(v: &serde_json::Value) -> Result<load::Loaded, load::LoadError> {
    load::load_str("test.json", &serde_json::to_string_pretty(v).unwrap())
}

fn figure(value: f64, unit: &str, definition: &str, scope: &str) -> serde_json::Value {
    serde_json::json!({"key": "output_value", "value": value, "unit": unit,
        "as_of": {"year": 2023}, "definition": definition,
        "scope": {"zh": scope, "en": scope},
        "source": {"source": "s1", "quote": format!("{value}{unit}")}})
}

/// Two clusters; A's output is its total output, B's is given by `b`.
fn v3(b: serde_json::Value) -> serde_json::Value {
    serde_json::json!({
        "format_version": 3,
        "sources": [{"id": "s1", "title": {"zh": "文章", "en": "Article"},
            "publisher": {"zh": "报社", "en": "Paper"}, "date": "2024-05", "file": "s1.txt"}],
        "metric_keys": [
            {"key": "output_value", "name": {"zh": "产值", "en": "Output"}, "headline": true,
             "dimension": "money_cny",
             "definitions": [
                {"key": "total_output", "name": {"zh": "集群总产值", "en": "Total output of the cluster"}},
                {"key": "leading_industry_output", "name": {"zh": "主导产业产值", "en": "Output of the leading industries"}}]},
            {"key": "firms", "name": {"zh": "企业数", "en": "Firms"}, "headline": true,
             "dimension": "firms",
             "definitions": [{"key": "all_firms", "name": {"zh": "全部企业", "en": "All firms"}}]}
        ],
        "clusters": [
            {"id": "a", "name": {"zh": "甲集群", "en": "Cluster A"}, "level": "provincial",
             "provinces": [{"zh": "广东", "en": "Guangdong"}], "industry": {"zh": "电池", "en": "Batteries"},
             "metrics": [figure(5700.0, "亿元", "total_output", "集群总产值")]},
            {"id": "b", "name": {"zh": "乙集群", "en": "Cluster B"}, "level": "provincial",
             "provinces": [{"zh": "湖南", "en": "Hunan"}], "industry": {"zh": "材料", "en": "Materials"},
             "metrics": [b]}
        ]
    })
}

fn baseline_text(v: &serde_json::Value, lang: Lang) -> String {
    let d = load_json(v).unwrap_or_else(|e| panic!("{e}")).dataset;
    let cmp = Comparison::build(&d, &["b".into(), "a".into()], Some(1), lang);
    let row = cmp.row("output_value").expect("output row");
    row.cells[0]
        .as_ref()
        .expect("B has output")
        .baseline_text(lang)
        .unwrap_or_default()
}

#[test]
fn the_same_definition_in_other_words_compares() {
    // The scope texts differ; the definitions are the same: a ratio appears.
    let v = v3(figure(1.14, "万亿元", "total_output", "长沙集群的总产值"));
    let text = baseline_text(&v, Lang::En);
    assert!(!text.contains("not comparable"), "{text}");
    assert!(text.contains('%') || text.contains('×'), "{text}");
}

#[test]
fn different_definitions_never_compare_and_are_named() {
    let v = v3(figure(
        1.14,
        "万亿元",
        "leading_industry_output",
        "集群总产值",
    ));
    let text = baseline_text(&v, Lang::En);
    assert!(text.starts_with("not comparable"), "{text}");
    assert!(text.contains("Output of the leading industries"), "{text}");
    assert!(text.contains("Total output of the cluster"), "{text}");
}

#[test]
fn unspecified_compares_with_nothing() {
    let v = v3(figure(5700.0, "亿元", "unspecified", "集群总产值"));
    let text = baseline_text(&v, Lang::Zh);
    assert!(text.contains("不可比"), "{text}");
    assert!(text.contains("口径未说明"), "{text}");
}

#[test]
fn a_firm_count_in_yuan_is_refused_with_the_units_it_takes() {
    let mut b = figure(300.0, "亿元", "all_firms", "企业");
    b["key"] = "firms".into();
    let e = load_json(&v3(b)).unwrap_err().to_string();
    assert!(e.contains("clusters[1].metrics[0].unit"), "{e}");
    assert!(e.contains("a number of firms"), "{e}");
    assert!(e.contains("家"), "{e}");
}

#[test]
fn a_figure_without_a_definition_or_with_an_unknown_one_is_refused() {
    let mut b = figure(1.0, "万亿元", "total_output", "x");
    b.as_object_mut().unwrap().remove("definition");
    let e = load_json(&v3(b)).unwrap_err().to_string();
    assert!(
        e.contains("clusters[1].metrics[0].definition: missing"),
        "{e}"
    );
    let e = load_json(&v3(figure(1.0, "万亿元", "turnover", "x")))
        .unwrap_err()
        .to_string();
    assert!(e.contains("unknown definition `turnover`"), "{e}");
    assert!(e.contains("total_output, leading_industry_output"), "{e}");
}

#[test]
fn every_seed_figure_has_a_declared_definition_and_a_citable_source() {
    let d = load::load_embedded().unwrap().dataset;
    assert_eq!(d.format_version, 3);
    let refused: Vec<String> = d
        .register
        .as_ref()
        .and_then(|r| r.notes.iter().find(|n| n.en.starts_with("Domains refused")))
        .map(|n| {
            n.en.trim_start_matches("Domains refused: ")
                .trim_end_matches('.')
                .split(", ")
                .map(str::to_owned)
                .collect()
        })
        .expect("the register notes list the refused domains");
    assert!(refused.len() > 10, "{refused:?}");
    let mut checked = 0;
    for c in &d.clusters {
        for m in &c.metrics {
            let key = d.metric_keys.iter().find(|k| k.key == m.key).unwrap();
            if !key.definitions.is_empty() {
                let def = m.definition.as_deref().expect("a definition");
                assert!(
                    def == "unspecified" || key.definition(def).is_some(),
                    "{}: {def}",
                    c.id
                );
            }
            let s = d.source(&m.source.source).expect("source");
            assert!(s.file.is_some() || s.url.is_some(), "{}: {}", c.id, s.id);
            if let Some(url) = &s.url {
                let host = url.split('/').nth(2).unwrap_or_default();
                assert!(
                    !refused.iter().any(|r| r == host),
                    "{}: cites refused {host}",
                    c.id
                );
                assert!(
                    s.accessed.is_some(),
                    "{}: {} has no access date",
                    c.id,
                    s.id
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}

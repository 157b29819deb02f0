//! Coverage: what the record holds per national cluster, in the app (the
//! Table tab's Coverage mode) and from `cluster-compare coverage` (text and
//! CSV), with the clusters that have no figures named.

mod common;

use std::process::ExitCode;

use cluster_compare::app::{App, Settings};
use cluster_compare::coverage::CoverageKey;
use cluster_compare::load;
use cluster_compare::model::{Dataset, Lang, Level};
use cluster_compare::ui::view::Tab;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use common::run;

fn seed() -> Dataset {
    load::load_embedded()
        .unwrap_or_else(|e| panic!("{e}"))
        .dataset
}

/// The national clusters of the seed data, and those of them without figures.
fn national(d: &Dataset) -> (Vec<&str>, Vec<&str>) {
    let all: Vec<&str> = d
        .clusters
        .iter()
        .filter(|c| c.level == Level::National)
        .map(|c| c.id.as_str())
        .collect();
    let none = d
        .clusters
        .iter()
        .filter(|c| c.level == Level::National && c.metrics.is_empty())
        .map(|c| c.id.as_str())
        .collect();
    (all, none)
}

#[test]
fn the_text_names_every_national_cluster_and_those_with_no_figures() {
    let d = seed();
    let (all, none) = national(&d);
    assert!(
        !none.is_empty(),
        "the register names clusters without figures"
    );
    let (code, out, err) = run(&["coverage", "--lang", "en"]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    assert!(
        out.starts_with(&format!(
            "{} national clusters: {} with figures, {} with none",
            all.len(),
            all.len() - none.len(),
            none.len()
        )),
        "{out}"
    );
    let (_, tail) = out
        .split_once("Clusters with no figures")
        .expect("the list of none");
    for id in &none {
        assert!(
            tail.contains(&format!("\n{id} ")),
            "{id} listed as having none"
        );
    }
    let sz = d.cluster("shenzhen-battery-materials").unwrap();
    let years: std::collections::BTreeSet<i32> = sz.metrics.iter().map(|m| m.as_of.year).collect();
    let head = out.split("Clusters with no figures").next().unwrap();
    assert!(
        head.contains(
            "shenzhen-battery-materials Shenzhen advanced battery materials cluster\n  metrics "
        ),
        "{out}"
    );
    assert!(
        head.contains(&format!("· {} years (", years.len())),
        "{out}"
    );

    let (code, zh, _) = run(&["coverage"]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(
        zh.starts_with(&format!("国家级集群{}个", all.len())),
        "{zh}"
    );
    assert!(zh.contains("没有数字的集群"), "{zh}");
}

#[test]
fn the_csv_has_a_row_per_national_cluster_and_the_years_per_metric() {
    let d = seed();
    let (all, none) = national(&d);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coverage.csv");
    let (code, _, err) = run(&[
        "coverage",
        "--format",
        "csv",
        "--lang",
        "en",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    let bytes = std::fs::read(&path).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let head: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        &head[..4],
        ["id", "Cluster", "Whose", "Metrics with figures"]
    );
    assert_eq!(head.len(), 9 + d.metric_keys.len());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), all.len());
    for row in &rows {
        let c = d.cluster(&row[0]).unwrap();
        assert_eq!(&row[2], "Register");
        assert!(!row[8].is_empty());
        // Each metric's cell: the years of its cluster-wide figures.
        for (i, k) in d.metric_keys.iter().enumerate() {
            let mut years: Vec<i32> = c.metrics_of(&k.key).map(|m| m.as_of.year).collect();
            years.sort_unstable();
            years.dedup();
            let want: Vec<String> = years.iter().map(i32::to_string).collect();
            assert_eq!(&row[9 + i], want.join(", "), "{} {}", c.id, k.key);
        }
        if none.contains(&c.id.as_str()) {
            assert_eq!(&row[3], "0", "{}", c.id);
        }
    }
}

#[test]
fn the_users_clusters_are_in_the_coverage_as_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.json");
    std::fs::write(
        &path,
        r#"{"format_version": 3, "extends": "embedded",
          "sources": [{"id": "my-001", "title": {"zh": "我的调研", "en": "My survey"},
                       "publisher": {"zh": "我", "en": "Me"}, "date": "2025", "file": "survey.txt"}],
          "metric_keys": [],
          "clusters": [{"id": "my-cluster", "name": {"zh": "我的集群", "en": "My cluster"}, "level": "municipal",
            "provinces": [{"zh": "安徽", "en": "Anhui"}], "industry": {"zh": "机器人", "en": "Robots"},
            "metrics": [{"key": "firms", "value": 3, "unit": "家", "as_of": {"year": 2024},
                         "definition": "unspecified", "source": {"source": "my-001", "quote": "3家"}}]}]}"#,
    )
    .unwrap();
    let (code, out, err) = run(&["coverage", "--lang", "en", "--data", path.to_str().unwrap()]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    assert!(out.contains("my-cluster My cluster [Your data]\n"), "{out}");
    assert!(
        !out.contains("shenzhen-battery-materials Shenzhen advanced battery materials cluster [")
    );
}

fn harness(lang: Lang) -> Harness<'static, App> {
    let app = App::with_data(
        load::load_embedded().unwrap(),
        Settings {
            lang,
            tab: Tab::Table,
            ..Settings::default()
        },
    );
    common::window(app, 1600.0, 1000.0)
}

#[test]
fn the_coverage_mode_of_the_table_sorts_by_a_column() {
    let d = seed();
    let (all, none) = national(&d);
    let mut h = harness(Lang::En);
    h.run();
    h.get_by_label("Coverage").click();
    h.run();
    h.get_by_label_contains(&format!(
        "{} national clusters: {} with figures, {} with none",
        all.len(),
        all.len() - none.len(),
        none.len()
    ));
    h.get_by_label_contains(&format!("Clusters with no figures ({}): ", none.len()));
    h.get_by_label("Sort coverage by Metrics with figures")
        .click();
    h.run();
    assert_eq!(
        h.state().settings.table.coverage.sort,
        Some((CoverageKey::Metrics, true))
    );
    // Most metrics first: the first row's add button names a cluster with figures.
    let first = h
        .get_all_by_label_contains("Add from coverage ")
        .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .unwrap();
    let id = first
        .accesskit_node()
        .label()
        .unwrap_or_default()
        .replace("Add from coverage ", "");
    assert!(!none.contains(&id.as_str()), "{id}");
    assert!(h.state().needs_save(), "the sort is kept");

    let mut h = harness(Lang::Zh);
    h.run();
    h.get_by_label("数据覆盖").click();
    h.run();
    h.get_by_label_contains(&format!("国家级集群{}个", all.len()));
}

//! Format version 2 as a user meets it: version-1 files still load and
//! `check` says which version it read; forecasts, ranges, up-to figures and
//! bounds compare honestly; the new fields are validated.

mod common;

use cluster_compare::compare::{Comparison, NotComparable, RatioBound};
use cluster_compare::load;
use cluster_compare::model::{Lang, Qualifier};

fn load_json(v: &serde_json::Value) -> Result<load::Loaded, load::LoadError> {
    load::load_str("test.json", &serde_json::to_string_pretty(v).unwrap())
}

/// Two clusters with one definition of output: a lower bound as the
/// baseline, an exact figure beside it; B also has a forecast, a range and a
/// target.
fn v2() -> serde_json::Value {
    serde_json::json!({
        "format_version": 2,
        "sources": [
            {"id": "s1", "title": {"zh": "文章", "en": "Article"},
             "publisher": {"zh": "报社", "en": "Paper"}, "date": "2024-05", "file": "s1.txt"},
            {"id": "web-001", "title": {"zh": "名单", "en": "List"},
             "publisher": {"zh": "工业和信息化部", "en": "MIIT"}, "date": "2022-11",
             "url": "https://www.example.gov.cn/list.html", "accessed": "2026-11-22"}
        ],
        "metric_keys": [
            {"key": "output_value", "name": {"zh": "产值", "en": "Output"}, "headline": true},
            {"key": "share", "name": {"zh": "占比", "en": "Share"}}
        ],
        "clusters": [
            {"id": "a-cluster", "name": {"zh": "甲集群", "en": "Cluster A"}, "level": "national",
             "designation": {"body": {"zh": "工业和信息化部", "en": "MIIT"},
                             "programme": {"zh": "国家先进制造业集群", "en": "National cluster"},
                             "source": {"source": "web-001", "quote": "甲集群"},
                             "batch": 1, "rank": 3, "name_as_listed": "甲集群"},
             "provinces": [{"zh": "广东", "en": "Guangdong"}], "industry": {"zh": "电池", "en": "Batteries"},
             "metrics": [
                {"key": "output_value", "value": 5700, "unit": "亿元", "qualifier": "more_than",
                 "as_of": {"year": 2023}, "scope": {"zh": "集群总产值", "en": "total output"},
                 "source": {"source": "s1", "quote": "总产值超过5700亿元"}},
                {"key": "share", "value": 30, "unit": "%", "as_of": {"year": 2023},
                 "source": {"source": "s1", "quote": "占30%"}}
             ]},
            {"id": "b-cluster", "name": {"zh": "乙集群", "en": "Cluster B"}, "level": "national",
             "provinces": [{"zh": "湖南", "en": "Hunan"}], "industry": {"zh": "材料", "en": "Materials"},
             "metrics": [
                {"key": "output_value", "value": 1.85, "unit": "万亿元", "as_of": {"year": 2023},
                 "scope": {"zh": "集群总产值", "en": "total output"},
                 "source": {"source": "s1", "quote": "总产值1.85万亿元"}},
                {"key": "output_value", "value": 3, "unit": "万亿元", "qualifier": "more_than",
                 "forecast": true, "as_of": {"year": 2025},
                 "scope": {"zh": "集群总产值", "en": "total output"},
                 "source": {"source": "s1", "quote": "将达3万亿元以上"}},
                {"key": "share", "value": 85, "value_high": 90, "unit": "%", "as_of": {"year": 2023},
                 "source": {"source": "s1", "quote": "85%—90%"}}
             ],
             "targets": [
                {"key": "output_value", "value": 2.5, "unit": "万亿元", "year": 2025,
                 "source": {"source": "s1", "quote": "到2025年达到2.5万亿元"}}
             ]}
        ],
        "context": {"timeline": [
            {"date": "2024-09", "title": {"zh": "事件", "en": "Event"}, "date_approximate": true,
             "date_note": "日前 in an article of 2024-09", "source": {"source": "s1", "quote": "日前"}}
        ]},
        "register": {
            "batches": [{"batch": 1, "year": 2022, "announced": 45,
                         "name": {"zh": "2022年名单", "en": "2022 list"},
                         "source": {"source": "web-001", "quote": "45个国家先进制造业集群"}}],
            "notes": [{"zh": "只列出一个", "en": "Only one named"}]
        }
    })
}

fn ids() -> Vec<String> {
    vec!["a-cluster".into(), "b-cluster".into()]
}

#[test]
fn a_version_1_file_still_loads() {
    let l = load_json(&common::minimal()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.dataset.format_version, 1);
    assert_eq!(l.dataset.clusters.len(), 2);
}

#[test]
fn a_version_2_file_with_every_new_field_loads_clean() {
    let l = load_json(&v2()).unwrap_or_else(|e| panic!("{e}"));
    let warnings: Vec<String> = l.warnings.iter().map(|w| w.render(&l.file)).collect();
    assert!(warnings.is_empty(), "{}", warnings.join("\n"));
    assert_eq!(l.dataset.named_in_batch(1), 1);
    assert!(l.dataset.context.timeline[0].date_approximate);
}

#[test]
fn check_says_which_format_version_it_read() {
    let dir = tempfile::tempdir().unwrap();
    for (v, name) in [(common::minimal(), "v1.json"), (v2(), "v2.json")] {
        let path = dir.path().join(name);
        std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_cluster-compare"))
            .arg("check")
            .arg(&path)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{text}");
        let want = format!("format version {}", v["format_version"]);
        assert!(text.contains(&want), "{name}: {text}");
    }
}

#[test]
fn a_ratio_against_a_lower_bound_is_an_upper_bound() {
    let d = load_json(&v2()).unwrap().dataset;
    let cmp = Comparison::build(&d, &ids(), Some(0), Lang::En);
    let b = cmp.row("output_value").unwrap().cells[1].clone().unwrap();
    // 1.85万亿元 against more than 5700亿元: less than 3.25×, never "≈".
    assert_eq!(b.baseline_bound.symbol(), "<");
    let diff = b.baseline_diff(Lang::En).unwrap();
    assert!(diff.starts_with("< +225%"), "{diff}");
    assert!(!diff.contains('≈'), "{diff}");
    assert_eq!(
        RatioBound::of(Qualifier::MoreThan, Qualifier::Exact).symbol(),
        ">"
    );
}

#[test]
fn a_forecast_is_not_the_latest_actual_and_not_progress() {
    let d = load_json(&v2()).unwrap().dataset;
    let b = d.cluster("b-cluster").unwrap();
    // The 2025 forecast is newer, but the measured 2023 figure is the latest actual.
    assert_eq!(b.latest("output_value").unwrap().as_of.year, 2023);
    let cmp = Comparison::build(&d, &ids(), Some(0), Lang::Zh);
    let cell = cmp.row("output_value").unwrap().cells[1].clone().unwrap();
    assert!(!cell.forecast);
    assert_eq!(cell.written, "1.85万亿元");
    let t = &cmp.columns[1].targets[0];
    let actual = t
        .actual
        .as_ref()
        .expect("progress from the measured figure");
    assert!(!actual.forecast);
    assert!((t.fraction.unwrap() - 1.85 / 2.5).abs() < 1e-9);

    // Without the measured figure, the forecast is shown marked, and there is no progress.
    let mut v = v2();
    v["clusters"][1]["metrics"]
        .as_array_mut()
        .unwrap()
        .remove(0);
    let d = load_json(&v).unwrap().dataset;
    let cmp = Comparison::build(&d, &ids(), Some(0), Lang::Zh);
    let cell = cmp.row("output_value").unwrap().cells[1].clone().unwrap();
    assert!(cell.forecast);
    assert!(cell.written.contains("预计"), "{}", cell.written);
    assert!(cell.display.contains("预计"), "{}", cell.display);
    let t = &cmp.columns[1].targets[0];
    assert!(t.actual.is_none() && t.fraction.is_none());
}

#[test]
fn ranges_are_shown_whole_and_not_put_in_a_ratio() {
    let d = load_json(&v2()).unwrap().dataset;
    let cmp = Comparison::build(&d, &ids(), Some(0), Lang::En);
    let row = cmp.row("share").unwrap();
    let cell = row.cells[1].clone().unwrap();
    assert_eq!(cell.written, "85%–90%");
    assert_eq!(cell.display_high, Some(90.0));
    assert_eq!(cell.vs_baseline, None);
    assert_eq!(cell.baseline_points, None);
    assert_eq!(cell.not_comparable, Some(NotComparable::Range));
}

#[test]
fn bad_version_2_fields_are_all_reported() {
    let mut v = v2();
    v["sources"][1]["url"] = "www.example.gov.cn".into();
    v["sources"][1]["accessed"] = "22/11/2026".into();
    v["clusters"][1]["metrics"][2]["value_high"] = 80.into();
    v["clusters"][0]["designation"]["rank"] = 0.into();
    v["register"]["batches"][0]["announced"] = 0.into();
    let e = load_json(&v).unwrap_err();
    let all = e.to_string();
    for path in [
        "sources[1].url",
        "sources[1].accessed",
        "clusters[1].metrics[2].value_high",
        "clusters[0].designation.rank",
        "register.batches[0].announced",
    ] {
        assert!(all.contains(path), "{path} missing in\n{all}");
    }
    // Every problem has a line and column.
    assert!(e.problems.iter().all(|p| p.pos.is_some()), "{all}");
}

#[test]
fn a_batch_the_register_does_not_list_is_refused() {
    let mut v = v2();
    v["clusters"][0]["designation"]["batch"] = 7.into();
    let e = load_json(&v).unwrap_err();
    assert!(
        e.to_string()
            .contains("clusters[0].designation.batch: batch 7 is not a known list"),
        "{e}"
    );
}

#[test]
fn a_newer_version_than_this_build_reads_is_refused() {
    let mut v = v2();
    v["format_version"] = 4.into();
    let e = load_json(&v).unwrap_err();
    assert!(e.to_string().contains("version 4 is not supported"), "{e}");
}

#[test]
fn two_clusters_at_one_rank_of_a_batch_are_refused() {
    let mut v = v2();
    v["clusters"][1]["designation"] = v["clusters"][0]["designation"].clone();
    let e = load_json(&v).unwrap_err();
    assert!(
        e.to_string()
            .contains("clusters[1].designation.rank: rank 3 in batch 1 is also `a-cluster`'s"),
        "{e}"
    );
}

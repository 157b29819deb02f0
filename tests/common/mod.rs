//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use cluster_compare::cli::{self, Cli};

/// The source articles beside the checkout (`../shared/seeds`), where present.
pub fn shared_seeds() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    p.is_dir().then_some(p)
}

/// A minimal valid dataset as JSON, for tests to break in one place at a time.
pub fn minimal() -> serde_json::Value {
    serde_json::json!({
        "format_version": 1,
        "sources": [{"id": "s1", "title": {"zh": "文章", "en": "Article"},
                     "publisher": {"zh": "报社", "en": "Paper"}, "date": "2021-07"}],
        "metric_keys": [{"key": "firms", "name": {"zh": "企业数", "en": "Firms"}, "headline": true}],
        "clusters": [
            {"id": "a-cluster", "name": {"zh": "甲集群", "en": "Cluster A"}, "level": "national",
             "provinces": [{"zh": "广东", "en": "Guangdong"}], "industry": {"zh": "电池", "en": "Batteries"},
             "metrics": [{"key": "firms", "value": 1200, "unit": "家", "qualifier": "more_than",
                          "as_of": {"year": 2021}, "source": {"source": "s1", "quote": "企业超过1200家"}}]},
            {"id": "b-cluster", "name": {"zh": "乙集群", "en": "Cluster B"}, "level": "provincial",
             "provinces": [{"zh": "湖南", "en": "Hunan"}], "industry": {"zh": "材料", "en": "Materials"},
             "metrics": [{"key": "firms", "value": 300, "unit": "家",
                          "as_of": {"year": 2020}, "source": {"source": "s1", "quote": "300家"}}]}
        ]
    })
}

/// Parses and runs a command line as the binary would (without the program
/// name); returns the exit code, standard output and standard error.
pub fn run(args: &[&str]) -> (ExitCode, String, String) {
    let cli = Cli::try_parse_from(std::iter::once("cluster-compare").chain(args.iter().copied()))
        .unwrap_or_else(|e| panic!("{args:?}: {e}"));
    let command = cli.command.as_ref().expect("a subcommand");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = cli::run_to(&cli, command, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// The ids of `d`'s clusters in the order the sidebar lists them: by name,
/// pinyin order in Chinese, alphabetical in English.
pub fn listed(
    d: &cluster_compare::model::Dataset,
    lang: cluster_compare::model::Lang,
) -> Vec<String> {
    let mut c: Vec<&cluster_compare::model::Cluster> = d.clusters.iter().collect();
    c.sort_by_cached_key(|c| cluster_compare::collate::key(c.name.get(lang), lang));
    c.into_iter().map(|c| c.id.clone()).collect()
}

/// The app in a window of `w` × `h` points, as the tests drive it.
pub fn window(
    app: cluster_compare::app::App,
    w: f32,
    h: f32,
) -> egui_kittest::Harness<'static, cluster_compare::app::App> {
    egui_kittest::Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_context_setup(cluster_compare::ui::fonts::install)
        .build_ui_state(|ui, app: &mut cluster_compare::app::App| app.ui(ui), app)
}

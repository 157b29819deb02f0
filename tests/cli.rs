//! The command line as a user types it: global options anywhere, id lists
//! checked by the same rule as the app, and nothing from a data file able to
//! drive the terminal.

mod common;

use std::process::ExitCode;

use clap::Parser;
use cluster_compare::cli::{self, Cli};

use common::run;

#[test]
fn global_options_go_before_or_after_the_subcommand() {
    let (code, after, _) = run(&["list", "--lang", "en"]);
    assert_eq!(code, ExitCode::SUCCESS);
    let (_, before, _) = run(&["--lang", "en", "list"]);
    assert_eq!(after, before);
    assert!(after.contains("Shenzhen"), "{after}");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a.csv");
    let out = out.to_str().unwrap();
    let (code, _, err) = run(&[
        "export",
        "--format",
        "csv",
        "-o",
        out,
        "--compare",
        "yichun-lithium",
        "--lang",
        "en",
    ]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    let csv = std::fs::read_to_string(out).unwrap();
    assert!(csv.contains("Yichun"), "English names: {csv}");
}

#[test]
fn empty_ids_are_named_as_empty() {
    let (code, _, err) = run(&[
        "export",
        "--compare",
        "yichun-lithium,,shenzhen-battery-materials",
        "--format",
        "csv",
        "-o",
        "-",
    ]);
    assert_eq!(code, ExitCode::from(1));
    assert!(err.contains("empty id at position 2"), "{err}");
    assert!(!err.contains(": ;"), "{err}");
}

#[test]
fn a_repeated_id_is_compared_once_as_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("dup.csv");
    let out = out.to_str().unwrap();
    let (code, _, err) = run(&[
        "export",
        "--compare",
        "yichun-lithium,shenzhen-battery-materials,yichun-lithium",
        "--format",
        "csv",
        "-o",
        out,
    ]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    assert!(
        err.contains("`yichun-lithium` given more than once"),
        "{err}"
    );
    let csv = std::fs::read_to_string(out).unwrap();
    let header = csv.lines().next().unwrap();
    let columns = header
        .split(',')
        .filter(|c| c.starts_with("宜春") && !c.contains('·'));
    assert_eq!(columns.count(), 1, "{header}");
}

/// A dataset whose names carry terminal escape sequences, fake lines and a bidi override.
fn hostile_file(dir: &std::path::Path) -> std::path::PathBuf {
    let mut v = common::minimal();
    v["clusters"][0]["name"]["zh"] = "甲\u{1b}]0;pwned\u{7}\r\n\u{1b}[2J集群".into();
    v["clusters"][1]["name"]["zh"] = "乙\u{202e}群集\nfake-id\tfake name".into();
    v["clusters"][1]["metrics"][0]["unit"] = "\u{1b}[31m家".into();
    let path = dir.join("hostile.json");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path
}

fn assert_inert(s: &str) {
    for bad in ['\u{1b}', '\r', '\u{7}', '\u{202e}'] {
        assert!(!s.contains(bad), "{bad:?} printed raw in {s:?}");
    }
}

#[test]
fn list_prints_one_inert_line_per_cluster() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = common::minimal();
    v["clusters"][0]["name"]["zh"] = "甲\u{1b}]0;pwned\u{7}\r\n\u{1b}[2J集群".into();
    v["clusters"][1]["name"]["zh"] = "乙\u{202e}群集\nfake-id\tfake name".into();
    let path = dir.path().join("names.json");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let (code, out, err) = run(&["list", "--data", path.to_str().unwrap()]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.lines().all(|l| l.matches('\t').count() == 1), "{out}");
    assert_inert(&out);
    assert!(
        out.contains("\\u{1b}]0;pwned"),
        "escaped, still readable: {out}"
    );
}

#[test]
fn check_escapes_what_it_echoes_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_file(dir.path());
    let (code, out, err) = run(&["check", path.to_str().unwrap()]);
    assert_eq!(code, ExitCode::from(1));
    assert_inert(&out);
    assert_inert(&err);
    assert!(out.contains("unknown unit `\\u{1b}[31m家`"), "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn check_refuses_a_device() {
    let (code, out, _) = run(&["check", "/dev/zero"]);
    assert_eq!(code, ExitCode::from(1));
    assert!(
        out.contains("/dev/zero: error: is not a regular file"),
        "{out}"
    );
}

#[test]
fn slide_options_that_draw_nothing_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("deck.pdf");
    let out = out.to_str().unwrap();
    for (flag, value, says) in [
        (
            "--metric",
            "no_such_key",
            "--metric no_such_key: no such metric",
        ),
        ("--scale", "NaN", "--scale NaN is out of range"),
        ("--width", "0", "--width 0 is out of range"),
    ] {
        let (code, _, err) = run(&[
            "export",
            "--format",
            "pdf",
            "-o",
            out,
            "--compare",
            "yichun-lithium",
            flag,
            value,
        ]);
        assert_ne!(code, ExitCode::SUCCESS, "{flag} {value}");
        assert!(err.contains(says), "{flag} {value}: {err}");
    }
    assert!(!std::path::Path::new(out).exists(), "nothing written");
}

#[test]
fn unknown_ids_get_a_suggestion_and_a_long_list_is_cut_short() {
    let (code, _, err) = run(&[
        "export",
        "--compare",
        "shenzhen-battery",
        "--format",
        "csv",
        "-o",
        "-",
    ]);
    assert_ne!(code, ExitCode::SUCCESS);
    assert!(
        err.contains("did you mean shenzhen-battery-materials?"),
        "{err}"
    );
    let many: Vec<String> = (0..20_000).map(|i| format!("no-such-{i}")).collect();
    let list = many.join(",");
    let (code, _, err) = run(&["export", "--compare", &list, "--format", "csv", "-o", "-"]);
    assert_ne!(code, ExitCode::SUCCESS);
    assert!(err.len() < 500, "{} bytes", err.len());
    assert!(err.contains("and 19995 more"), "{err}");
}

#[test]
fn silent_on_success_says_what_it_wrote_when_verbose_and_warns_on_a_wrong_extension() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("a.csv");
    let csv = csv.to_str().unwrap();
    let args = [
        "export",
        "--format",
        "csv",
        "-o",
        csv,
        "--compare",
        "yichun-lithium",
    ];
    let (code, out, err) = run(&args);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    assert!(out.is_empty() && err.is_empty(), "silent: {out}{err}");

    let (code, _, err) = run(&[&args[..], &["--verbose"]].concat());
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    assert!(err.contains(&format!("wrote {csv}: ")), "{err}");

    let pdf = dir.path().join("deck.pdf");
    let pdf = pdf.to_str().unwrap();
    let (code, _, err) = run(&[
        "export",
        "--format",
        "pdf",
        "-o",
        pdf,
        "--compare",
        "yichun-lithium",
        "-v",
    ]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    assert!(
        err.contains(&format!("wrote {pdf}: ")) && err.contains(" slides"),
        "{err}"
    );

    let wrong = dir.path().join("deck.pdf");
    let (code, _, err) = run(&[
        "export",
        "--format",
        "csv",
        "-o",
        wrong.to_str().unwrap(),
        "--compare",
        "yichun-lithium",
    ]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    assert!(err.contains("ends in .pdf but --format is csv"), "{err}");
}

/// `--baseline` takes a cluster id; a position still works and says it counts from 0.
#[test]
fn the_baseline_is_named_by_id_or_by_position_from_0() {
    let dir = tempfile::tempdir().unwrap();
    let by_id = dir.path().join("id.csv");
    let by_pos = dir.path().join("pos.csv");
    let compare = "shenzhen-battery-materials,guangdong-six-city-nev";
    let (code, _, err) = run(&[
        "export",
        "--format",
        "csv",
        "--compare",
        compare,
        "--baseline",
        "guangdong-six-city-nev",
        "-o",
        by_id.to_str().unwrap(),
    ]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    assert!(!err.contains("counting from 0"), "{err}");
    let (code, _, err) = run(&[
        "export",
        "--format",
        "csv",
        "--compare",
        compare,
        "--baseline",
        "1",
        "-o",
        by_pos.to_str().unwrap(),
    ]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    assert!(
        err.contains("counting from 0: guangdong-six-city-nev"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&by_id).unwrap(),
        std::fs::read(&by_pos).unwrap()
    );
    let (code, _, err) = run(&[
        "export",
        "--format",
        "csv",
        "--compare",
        compare,
        "--baseline",
        "yichun-lithium",
        "-o",
        by_id.to_str().unwrap(),
    ]);
    assert_eq!(code, ExitCode::from(1));
    assert!(
        err.contains("yichun-lithium is not one of the ids"),
        "{err}"
    );
}

#[test]
fn the_user_chooses_the_slides_and_an_unknown_one_is_named_with_the_valid_ones() {
    // An unknown slide name: clap names it and lists the valid ones.
    let e = Cli::try_parse_from([
        "cluster-compare",
        "export",
        "--format",
        "pdf",
        "-o",
        "deck.pdf",
        "--compare",
        "yichun-lithium",
        "--slides",
        "overview,galaxy",
    ])
    .expect_err("an unknown slide is refused")
    .to_string();
    assert!(e.contains("galaxy"), "{e}");
    for valid in [
        "overview", "output", "firms", "charts", "series", "figures", "targets", "policies", "map",
        "context", "sources",
    ] {
        assert!(e.contains(valid), "{valid} not listed: {e}");
    }

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("deck.pdf");
    let out = out.to_str().unwrap();
    // A highlight that is not compared.
    let (code, _, err) = run(&[
        "export",
        "--format",
        "pdf",
        "-o",
        out,
        "--compare",
        "yichun-lithium,shenzhen-battery-materials",
        "--highlight",
        "wuxi-iot",
    ]);
    assert_ne!(code, ExitCode::SUCCESS);
    assert!(
        err.contains("--highlight wuxi-iot") && err.contains("shenzhen-battery-materials"),
        "{err}"
    );
    assert!(!std::path::Path::new(out).exists(), "nothing written");

    // Three slides after the title, in the order given; no sources appendix.
    let (code, _, err) = run(&[
        "export",
        "--format",
        "pdf",
        "-o",
        out,
        "--compare",
        "yichun-lithium,shenzhen-battery-materials",
        "--slides",
        "targets,overview,sources",
        "--sources",
        "line",
        "--sort-bars",
        "--highlight",
        "shenzhen-battery-materials",
        "--verbose",
    ]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    let cli = Cli::try_parse_from([
        "cluster-compare",
        "export",
        "--format",
        "pdf",
        "-o",
        out,
        "--slides",
        "targets,overview,sources",
        "--sources",
        "line",
    ])
    .unwrap();
    let Some(cli::Command::Export { slides, .. }) = &cli.command else {
        panic!("export")
    };
    assert_eq!(slides.len(), 3);
    let d = cluster_compare::load::load_embedded().unwrap().dataset;
    let ids = vec![
        "yichun-lithium".to_owned(),
        "shenzhen-battery-materials".to_owned(),
    ];
    let cmp = cluster_compare::compare::Comparison::build(
        &d,
        &ids,
        None,
        cluster_compare::model::Lang::Zh,
    );
    let opts = cluster_compare::deck::DeckOptions {
        choice: cluster_compare::deck::SlideChoice {
            slides: Some(vec![
                cluster_compare::deck::SlideKind::Targets,
                cluster_compare::deck::SlideKind::Overview,
            ]),
            sources: cluster_compare::deck::SourcesMode::Line,
            ..Default::default()
        },
        ..Default::default()
    };
    let deck = cluster_compare::deck::build(&d, &cmp, &opts);
    assert!(
        deck.slides.len() <= 4,
        "title, targets, overview (and a notes slide)"
    );
    let pages = cluster_compare::deck::typeset::layout(&deck)
        .unwrap()
        .pages()
        .len();
    assert!(
        err.contains(&format!(": {pages} slides")),
        "the deck built with the same choice has {pages} pages: {err}"
    );
}

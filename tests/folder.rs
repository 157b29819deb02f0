//! The dataset's sheets as CSV files in a folder: `template --format csv`
//! writes them, `import` (and `check`, `--data`, the app) reads them, every
//! problem named by file, line and column, all at once, in zh or en; the
//! whole seed file goes through the folder and back the same.

mod common;

use std::path::Path;
use std::process::ExitCode;

use cluster_compare::cli;
use cluster_compare::load;
use cluster_compare::sheets::folder;

use common::run;

fn write_folder(d: &cluster_compare::model::Dataset, dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for (name, bytes) in folder::files(d) {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

#[test]
fn the_csv_template_is_a_folder_that_imports_to_json_that_checks() {
    let dir = tempfile::tempdir().unwrap();
    let sheets = dir.path().join("my-clusters");
    let json = dir.path().join("my-clusters.json");
    let (s, j) = (sheets.to_str().unwrap(), json.to_str().unwrap());
    let (code, _, err) = run(&["template", "--format", "csv", "-o", s]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    for f in [
        "sources.csv",
        "clusters.csv",
        "figures.csv",
        "targets.csv",
        "policies.csv",
    ] {
        let text = std::fs::read_to_string(sheets.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
        assert!(
            text.starts_with('\u{feff}'),
            "{f}: UTF-8 with a byte-order mark"
        );
    }
    let head = std::fs::read_to_string(sheets.join("figures.csv")).unwrap();
    assert!(head.lines().next().unwrap().contains(",unit,"), "{head}");
    let (code, out, err) = run(&["import", s, "-o", j, "--verbose"]);
    assert_eq!(code, ExitCode::SUCCESS, "{out}{err}");
    assert!(err.contains("1 cluster,"), "{err}");
    let (code, out, _) = run(&["check", j]);
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    // `check` and `--data` read the folder itself too.
    let (code, out, _) = run(&["check", s]);
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    let (code, out, _) = run(&["list", "--data", s]);
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
    // The app opens it as a dataset.
    assert_eq!(
        cli::open::target(&sheets),
        Ok(cli::open::Target::Dataset(sheets.clone()))
    );
}

#[test]
fn the_whole_seed_file_goes_through_the_folder_and_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let seed = load::load_embedded().unwrap().dataset;
    write_folder(&seed, dir.path());
    let t = std::time::Instant::now();
    let back = load::load_path(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "seed folder read in {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    assert_eq!(
        serde_json::to_value(&back.dataset).unwrap(),
        serde_json::to_value(&seed).unwrap()
    );
}

#[test]
fn every_bad_cell_is_named_by_file_line_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let sheets = dir.path().join("bad");
    let mut d = load::load_embedded().unwrap().dataset;
    let with: Vec<usize> = (0..d.clusters.len())
        .filter(|&i| !d.clusters[i].metrics.is_empty())
        .collect();
    d.clusters[with[0]].metrics[0].unit = "亿圆".into();
    d.clusters[with[1]].metrics[0].source.source = "src-9999".into();
    write_folder(&d, &sheets);
    // Where the bad cells are: the lines of figures.csv holding them, and
    // the unit and source columns of its header.
    let figures = std::fs::read_to_string(sheets.join("figures.csv")).unwrap();
    let body = figures.trim_start_matches('\u{feff}');
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes());
    let recs: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    let col = |h: &str| recs[0].iter().position(|x| x == h).unwrap() + 1;
    let line_of = |cell: &str| {
        recs.iter()
            .find(|x| x.iter().any(|c| c == cell))
            .and_then(|x| x.position())
            // Lines as an editor counts them (line breaks in quotes too).
            .map(|p| body[..p.byte() as usize].matches('\n').count() + 1)
            .unwrap_or_else(|| panic!("{cell} in figures.csv"))
    };
    let json = dir.path().join("bad.json");
    let (s, j) = (sheets.to_str().unwrap(), json.to_str().unwrap());
    let (code, out, _) = run(&["import", s, "-o", j, "--lang", "en"]);
    assert_eq!(code, ExitCode::from(1));
    assert!(!json.exists(), "nothing is written for sheets with errors");
    let unit = format!(
        "figures.csv:{}:{} (unit): 亿圆 is not a unit; did you mean 亿元?",
        line_of("亿圆"),
        col("unit")
    );
    assert!(out.contains(&unit), "{unit}\n{out}");
    let source = format!(
        "figures.csv:{}:{} (source): src-9999 is not a source id",
        line_of("src-9999"),
        col("source")
    );
    assert!(out.contains(&source), "{source}\n{out}");
    assert!(out.lines().all(|l| l.starts_with(s)), "{out}");
    let (_, zh, _) = run(&["import", s, "-o", j]);
    assert!(
        zh.contains(&format!(
            "figures.csv:{}:{} (unit): 亿圆 不是单位；是不是 亿元？",
            line_of("亿圆"),
            col("unit")
        )),
        "{zh}"
    );
    // The problems carry both languages, so the app's problems panel follows
    // a switch of language after the folder was read.
    let e = load::load_path_in(&sheets, cluster_compare::model::Lang::En).unwrap_err();
    let unit = e
        .problems
        .iter()
        .find(|p| p.path.contains("(unit)"))
        .expect("the unit's problem");
    assert!(
        unit.message_in(cluster_compare::model::Lang::En)
            .contains("亿圆 is not a unit")
    );
    assert!(
        unit.message_in(cluster_compare::model::Lang::Zh)
            .contains("亿圆 不是单位"),
        "{unit:?}"
    );
}

#[test]
fn a_file_that_is_not_utf8_is_named_beside_the_other_problems() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = load::load_embedded().unwrap().dataset;
    let i = (0..d.clusters.len())
        .find(|&i| !d.clusters[i].metrics.is_empty())
        .unwrap();
    d.clusters[i].metrics[0].unit = "亿圆".into();
    write_folder(&d, dir.path());
    // A spreadsheet program saved the policies in GBK.
    std::fs::write(
        dir.path().join("policies.csv"),
        b"id,title_zh\np1,\xd5\xfe\xb2\xdf\n",
    )
    .unwrap();
    let e = load::load_path(dir.path()).unwrap_err().to_string();
    assert!(e.contains("error: policies.csv:2: not UTF-8 text"), "{e}");
    assert!(e.contains("(unit): 亿圆 is not a unit"), "{e}");

    // A folder without any of the sheets says what it should hold.
    let empty = tempfile::tempdir().unwrap();
    let (code, out, _) = run(&[
        "import",
        empty.path().to_str().unwrap(),
        "-o",
        "-",
        "--lang",
        "en",
    ]);
    assert_eq!(code, ExitCode::from(1));
    assert!(out.contains("no dataset sheets in the folder"), "{out}");
    assert!(out.contains("figures.csv"), "{out}");

    // A folder with figures only (and not over the register) names the files it lacks.
    let some = tempfile::tempdir().unwrap();
    let seed = load::load_embedded().unwrap().dataset;
    for (name, bytes) in folder::files(&seed) {
        if name == "figures.csv" {
            std::fs::write(some.path().join(name), bytes).unwrap();
        }
    }
    let e = load::load_path(some.path()).unwrap_err().to_string();
    assert!(e.contains("the folder has no `sources.csv`"), "{e}");
    assert!(e.contains("the folder has no `clusters.csv`"), "{e}");
}

#[test]
fn text_a_spreadsheet_would_run_as_a_formula_is_written_quoted_and_read_back_as_typed() {
    let mut v = serde_json::to_value(load::load_embedded().unwrap().dataset).unwrap();
    let typed = [
        "=HYPERLINK(\"http://evil.example\",\"看这里\")",
        "+86 755 1234",
        "'=already quoted",
        "'a quote before plain text",
    ];
    v["clusters"][0]["name"]["zh"] = typed[0].into();
    v["clusters"][0]["name"]["en"] = typed[1].into();
    v["clusters"][1]["name"]["zh"] = typed[2].into();
    v["clusters"][1]["name"]["en"] = typed[3].into();
    let d: cluster_compare::model::Dataset = serde_json::from_value(v.clone()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_folder(&d, dir.path());

    // As a spreadsheet program opens it: no cell starts a formula.
    let text = std::fs::read_to_string(dir.path().join("clusters.csv")).unwrap();
    let mut cells = 0;
    for rec in csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes()).records() {
        for c in rec.unwrap().iter() {
            cells += 1;
            assert!(
                !c.starts_with(['=', '+', '-', '@']),
                "a cell opens as a formula: {c}"
            );
        }
    }
    assert!(cells > 100, "{cells} cells");
    assert!(text.contains("'=HYPERLINK("), "{text}");

    // Read back, the names are as typed, quote marks and all.
    let back = load::load_path(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let names = &serde_json::to_value(&back.dataset).unwrap()["clusters"];
    assert_eq!(names[0]["name"]["zh"], typed[0]);
    assert_eq!(names[0]["name"]["en"], typed[1]);
    assert_eq!(names[1]["name"]["zh"], typed[2]);
    assert_eq!(names[1]["name"]["en"], typed[3]);
    assert_eq!(serde_json::to_value(&back.dataset).unwrap(), v);
}

#[test]
fn the_app_opens_a_folder_of_sheets_from_the_file_menu_in_either_language() {
    use cluster_compare::app::{App, Settings, commands::Command, commands::Menu};
    use cluster_compare::model::Lang;
    use egui_kittest::kittest::Queryable;

    for (lang, label) in [
        (Lang::En, "Open a folder of CSV sheets…"),
        (Lang::Zh, "打开 CSV 文件夹…"),
    ] {
        assert_eq!(Command::OpenFolder.label(lang), label);
        assert_eq!(Command::OpenFolder.menu(), Menu::File);
    }
    assert!(Command::all().contains(&Command::OpenFolder));

    // A folder of the seed's sheets, one cluster renamed.
    let mut v = serde_json::to_value(load::load_embedded().unwrap().dataset).unwrap();
    v["clusters"][0]["name"]["en"] = "Folder-opened Shenzhen".into();
    v["clusters"][0]["short_name"]["en"] = "Folder-opened Shenzhen".into();
    let d: cluster_compare::model::Dataset = serde_json::from_value(v).unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_folder(&d, dir.path());

    let app = App::with_data(
        load::load_embedded().unwrap(),
        Settings {
            lang: Lang::En,
            ..Settings::default()
        },
    );
    let mut h = common::window(app, 1600.0, 1000.0);
    h.run();
    h.get_by_label("File").click();
    h.run();
    assert!(h.query_by_label("Open a folder of CSV sheets…").is_some());
    h.key_press(egui::Key::Escape);
    h.run();
    // Where no dialog can open, the folder's path is typed instead.
    h.state_mut()
        .dialog_unavailable(cluster_compare::app::notice::Purpose::OpenData);
    h.run();
    h.get_by_label("Path")
        .type_text(&dir.path().display().to_string());
    h.run();
    h.get_by_label("Open").click();
    h.step();
    h.state_mut().wait_for_loading();
    h.run_steps(8);
    assert_eq!(
        h.state().loaded.file,
        dir.path().display().to_string(),
        "{:?}",
        h.state().problems.as_ref().map(ToString::to_string)
    );
    h.get_all_by_label_contains("Folder-opened Shenzhen")
        .next()
        .expect("the folder's data is shown");
}

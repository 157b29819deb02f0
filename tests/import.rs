//! Their own figures from a spreadsheet: the template written, filled,
//! imported and checked as a data file is; the loaded data written out as
//! JSON or as the workbook, and read back the same.

mod common;

use std::process::ExitCode;

use cluster_compare::export::template;
use cluster_compare::load;

use common::run;

#[test]
fn the_template_imports_to_json_that_checks() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("my-clusters.xlsx");
    let json = dir.path().join("my-clusters.json");
    let (x, j) = (xlsx.to_str().unwrap(), json.to_str().unwrap());
    let (code, _, err) = run(&["template", "-o", x]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    let (code, out, err) = run(&["import", x, "-o", j, "--verbose"]);
    assert_eq!(code, ExitCode::SUCCESS, "{out}{err}");
    assert!(err.contains("1 cluster,"), "{err}");
    let (code, out, _) = run(&["check", j]);
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    assert!(out.contains("ok: format version 3, 1 cluster,"), "{out}");
    // `check` reads the workbook itself too.
    let (code, out, _) = run(&["check", x]);
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
}

#[test]
fn the_loaded_data_is_written_out_as_json_and_as_a_workbook_and_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("clusters.json");
    let xlsx = dir.path().join("clusters.xlsx");
    let (j, x) = (json.to_str().unwrap(), xlsx.to_str().unwrap());
    let seed = serde_json::to_value(load::load_embedded().unwrap().dataset).unwrap();
    let (code, _, err) = run(&["dataset", "-o", j]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    let back = load::load_path(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(serde_json::to_value(back.dataset).unwrap(), seed);
    let (code, _, err) = run(&["dataset", "-o", x]);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    // The workbook is a dataset the loader (and so --data and the app) opens.
    let back = load::load_path(&xlsx).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(serde_json::to_value(back.dataset).unwrap(), seed);
    let (code, out, _) = run(&["list", "--data", x]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(out.contains("shenzhen-battery-materials"), "{out}");
    // JSON on standard output.
    let (code, out, _) = run(&["dataset", "-o", "-"]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(out.starts_with('{') && out.contains("\"format_version\": 3"));
}

#[test]
fn import_lists_every_problem_by_cell_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = load::load_embedded().unwrap().dataset;
    let with: Vec<usize> = (0..d.clusters.len())
        .filter(|&i| !d.clusters[i].metrics.is_empty())
        .collect();
    d.clusters[with[0]].metrics[0].unit = "亿圆".into();
    d.clusters[with[1]].metrics[0].source.source = "src-9999".into();
    d.metric_keys[0].definitions.clear();
    let bytes = template::workbook_bytes(&d).unwrap();
    let xlsx = dir.path().join("bad.xlsx");
    std::fs::write(&xlsx, bytes).unwrap();
    let json = dir.path().join("bad.json");
    let (code, out, _) = run(&[
        "import",
        xlsx.to_str().unwrap(),
        "-o",
        json.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, ExitCode::from(1));
    assert!(
        !json.exists(),
        "nothing is written for a workbook with errors"
    );
    assert!(
        out.contains("Figures!D2 (unit): 亿圆 is not a unit; did you mean 亿元?"),
        "{out}"
    );
    assert!(
        out.contains("(source): src-9999 is not a source id"),
        "{out}"
    );
    assert!(out.contains("(definition):"), "{out}");
    assert!(
        out.lines().all(|l| l.starts_with(xlsx.to_str().unwrap())),
        "{out}"
    );
    let (_, zh, _) = run(&[
        "import",
        xlsx.to_str().unwrap(),
        "-o",
        json.to_str().unwrap(),
    ]);
    assert!(
        zh.contains("Figures!D2 (unit): 亿圆 不是单位；是不是 亿元？"),
        "{zh}"
    );
}

#[test]
fn import_refuses_what_is_not_a_workbook_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("notes.xlsx");
    std::fs::write(&fake, "just text").unwrap();
    let out_json = dir.path().join("o.json");
    let (code, out, _) = run(&[
        "import",
        fake.to_str().unwrap(),
        "-o",
        out_json.to_str().unwrap(),
    ]);
    assert_eq!(code, ExitCode::from(1));
    assert!(
        out.contains("notes.xlsx") && out.contains("not an Excel workbook"),
        "{out}"
    );
    let (code, out, _) = run(&[
        "import",
        dir.path().to_str().unwrap(),
        "-o",
        out_json.to_str().unwrap(),
    ]);
    assert_eq!(code, ExitCode::from(1));
    // A folder is read as the sheets in CSV files; this one holds none.
    assert!(out.contains("文件夹中没有数据表"), "{out}");
    let (code, _, err) = run(&["template", "-o", "-"]);
    assert_eq!(code, ExitCode::from(2));
    assert!(err.contains("give a file name"), "{err}");
}

#[test]
fn the_app_writes_the_template_and_opens_the_filled_workbook() {
    use cluster_compare::app::notice::Purpose;
    use cluster_compare::app::{App, Settings};
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::with_data(load::load_embedded().unwrap(), Settings::default());
    let xlsx = dir.path().join("mine.xlsx");
    app.write_data_file(Purpose::Template, &xlsx);
    app.open(&xlsx);
    app.wait_for_loading();
    assert_eq!(
        app.loaded.dataset.clusters.len(),
        1,
        "the template's one example"
    );
    assert!(app.loaded.file.ends_with("mine.xlsx"));
    // File → Save the data as… writes what is shown, JSON or workbook.
    let json = dir.path().join("mine.json");
    app.write_data_file(Purpose::SaveData, &json);
    assert_eq!(load::load_path(&json).unwrap().dataset.clusters.len(), 1);
}

#[test]
fn check_says_what_a_file_over_the_register_added_where() {
    let dir = tempfile::tempdir().unwrap();
    let base = load::load_embedded().unwrap().dataset;
    let reg = &base.clusters[0];
    let src = &base.sources[0].id;
    let text = format!(
        r#"{{"format_version": 3, "extends": "embedded", "sources": [], "metric_keys": [],
  "clusters": [
    {{"id": "my-cluster", "name": {{"zh": "我的集群", "en": "Mine"}}, "level": "municipal",
      "provinces": [{{"zh": "安徽", "en": "Anhui"}}], "industry": {{"zh": "机器人", "en": "Robots"}},
      "notes": [{{"zh": "测试", "en": "test"}}]}},
    {{"id": "{id}", "name": {{"zh": "{zh}", "en": ""}}, "level": "national", "provinces": [], "industry": {{"zh": "", "en": ""}},
      "metrics": [{{"key": "firms", "value": 12, "unit": "家", "as_of": {{"year": 2031}}, "definition": "unspecified",
                   "source": {{"source": "{src}", "quote": "12家"}}}}]}}]}}"#,
        id = reg.id,
        zh = reg.name.zh
    );
    let f = dir.path().join("mine.json");
    std::fs::write(&f, text).unwrap();
    let (code, out, err) = run(&["check", f.to_str().unwrap()]);
    assert_eq!(code, ExitCode::SUCCESS, "{out}{err}");
    assert!(
        out.contains(&format!("{} clusters", base.clusters.len() + 1)),
        "{out}"
    );
    assert!(out.contains("cluster `my-cluster` added"), "{out}");
    assert!(
        out.contains(&format!("added to the register's `{}`: 1 figure", reg.id)),
        "{out}"
    );
}

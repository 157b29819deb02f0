//! The dataset workbook: the template's sheets, headers, notes and
//! drop-down lists as a spreadsheet program sees them, and the whole seed
//! data through a workbook and back.

use std::io::{Cursor, Read};

use calamine::{Reader, Xlsx, open_workbook_from_rs};

use cluster_compare::export::template::{template_bytes, workbook_bytes, write_template};
use cluster_compare::load::load_embedded;
use cluster_compare::model::{Dataset, Lang};
use cluster_compare::sheets::{self as cc_sheets, xlsx::load_bytes};

fn seed() -> Dataset {
    load_embedded().unwrap().dataset
}

/// The XML of every part of the workbook whose name starts with `prefix`.
fn parts(bytes: &[u8], prefix: &str) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        if name.starts_with(prefix) {
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            out.push((name, s));
        }
    }
    out.sort();
    out
}

#[test]
fn the_template_has_its_sheets_headers_notes_and_lists() {
    let bytes = template_bytes(&seed()).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(&bytes)).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names[0], "Read-me");
    for s in cc_sheets::SHEETS {
        assert!(names.iter().any(|n| n == s.name), "{}: {names:?}", s.name);
        let range = wb.worksheet_range(s.name).unwrap();
        let header: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        let want: Vec<&str> = s.columns.iter().map(|c| c.header).collect();
        assert_eq!(header, want, "{}", s.name);
    }
    // One example row each on the sheets a user fills.
    for name in ["Sources", "Clusters", "Figures", "Targets", "Policies"] {
        let range = wb.worksheet_range(name).unwrap();
        assert!(range.height() >= 2, "{name} has no example row");
    }
    let readme = wb.worksheet_range("Read-me").unwrap();
    let all: String = readme.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(
        all.contains("怎么导入") && all.contains("How to import it"),
        "{all}"
    );

    // Frozen headers, and drop-downs drawing on the lists, in the sheets' XML.
    let sheets = parts(&bytes, "xl/worksheets/sheet");
    let xml = |name: &str| {
        let i = names.iter().position(|n| n == name).unwrap() + 1;
        sheets
            .iter()
            .find(|(p, _)| *p == format!("xl/worksheets/sheet{i}.xml"))
            .map(|(_, x)| x.clone())
            .unwrap()
    };
    let figures = xml("Figures");
    assert!(figures.contains(r#"state="frozen""#), "no frozen header");
    assert!(figures.contains(r#"<dataValidation type="list""#));
    for f in [
        "Lists'!$A$2",
        "Lists'!$B$2",
        "'Metric keys'!$A$2",
        "'Sources'!$A$2",
        "'Clusters'!$A$2",
        "Lists'!$F$2",
    ] {
        assert!(figures.contains(f), "Figures lacks a list from {f}");
    }
    assert!(xml("Clusters").contains("Lists'!$C$2"), "levels");
    assert!(xml("Policies").contains("Lists'!$E$2"), "categories");
    assert!(xml("Metric keys").contains("Lists'!$D$2"), "dimensions");
    // A note on every header cell.
    let comments: String = parts(&bytes, "xl/comments")
        .into_iter()
        .map(|(_, x)| x)
        .collect();
    let notes = comments.matches("<comment ").count();
    let columns: usize = cc_sheets::SHEETS.iter().map(|s| s.columns.len()).sum();
    assert_eq!(notes, columns);
    assert!(comments.contains("单位") && comments.contains("Unit as the source writes it"));
    // The units list is the registry's.
    let lists = wb.worksheet_range("Lists").unwrap();
    let units: Vec<String> = lists
        .rows()
        .skip(1)
        .filter_map(|r| r.first().map(|c| c.to_string()))
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(units, cluster_compare::units::known_symbols());
}

#[test]
fn the_template_imports_as_it_is() {
    let bytes = template_bytes(&seed()).unwrap();
    let l = load_bytes("t.xlsx", &bytes, Lang::En).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.dataset.clusters.len(), 1);
    assert_eq!(l.dataset.metric_keys.len(), seed().metric_keys.len());
}

#[test]
fn the_seed_data_goes_through_a_workbook_and_back_unchanged() {
    let d = seed();
    let t = std::time::Instant::now();
    let bytes = workbook_bytes(&d).unwrap();
    let written = t.elapsed();
    let t = std::time::Instant::now();
    let back = load_bytes("seed.xlsx", &bytes, Lang::En).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "seed workbook: {} bytes, written in {written:?}, imported in {:?}",
        bytes.len(),
        t.elapsed()
    );
    assert_eq!(
        serde_json::to_value(&back.dataset).unwrap(),
        serde_json::to_value(&d).unwrap()
    );
}

#[test]
fn the_workbook_is_written_atomically_and_a_bad_path_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("my-clusters.xlsx");
    write_template(&seed(), &out).unwrap();
    assert!(load_bytes("x", &std::fs::read(&out).unwrap(), Lang::En).is_ok());
    let bad = dir.path().join("no-such-folder").join("x.xlsx");
    let e = write_template(&seed(), &bad).unwrap_err().to_string();
    assert!(e.contains("no-such-folder"), "{e}");
}

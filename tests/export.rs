//! Every export format read back: the numbers are there, in the right place.

use std::path::Path;

use cluster_compare::export::{self, Format, PngOptions, Request, What};
use cluster_compare::load;
use cluster_compare::model::{Dataset, Lang};

#[path = "export/hostile.rs"]
mod hostile;
#[path = "export/picture.rs"]
mod picture;
#[path = "export/sheets.rs"]
mod sheets;

fn seed() -> Dataset {
    load::load_embedded()
        .unwrap_or_else(|e| panic!("{e}"))
        .dataset
}

fn request(lang: Lang) -> Request {
    Request {
        ids: vec![
            "shenzhen-battery-materials".into(),
            "guangdong-six-city-nev".into(),
        ],
        baseline: None,
        lang,
        png: PngOptions::default(),
        ..Default::default()
    }
}

#[test]
fn csv_has_a_bom_and_holds_the_numbers_in_a_common_unit() {
    let bytes = export::render(&seed(), &request(Lang::Zh), Format::Csv).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "UTF-8 BOM for spreadsheet programs"
    );
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().clone();
    assert!(header.iter().any(|h| h.contains("深圳")), "{header:?}");
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let out = rows
        .iter()
        .find(|r| r[0].contains("产值"))
        .expect("output value row");
    // 5700亿元 beside 1.85万亿元: both in 亿元, never 0.57万亿元.
    assert_eq!(&out[1], "亿元");
    let sz: f64 = out[2].parse().unwrap();
    let gd: f64 = out[4].parse().unwrap();
    assert!((sz - 5700.0).abs() < 1e-9, "{sz}");
    assert!((gd - 18500.0).abs() < 1e-9, "{gd}");
    assert!(out[3].contains('>'), "qualifier kept: {}", &out[3]);
    assert!(
        out[3].contains("约2021"),
        "approximate year kept: {}",
        &out[3]
    );
    assert!(
        out[out.len() - 1].contains("5700亿元"),
        "sources in the last column"
    );
}

/// The seed with Guangdong's province-wide targets made the cluster's own, so
/// progress is computed (with the seed's scopes it is not: see
/// `province_targets_get_no_progress_against_a_cluster_figure`).
fn cluster_targets(mut d: cluster_compare::model::Dataset) -> cluster_compare::model::Dataset {
    for c in &mut d.clusters {
        for t in &mut c.targets {
            t.scope = None;
        }
    }
    d
}

#[test]
fn province_targets_get_no_progress_against_a_cluster_figure() {
    let d = seed();
    let csv_like =
        String::from_utf8(export::render(&d, &request(Lang::En), Format::Html).unwrap()).unwrap();
    let targets = &csv_like[csv_like.find("<h2>Targets</h2>").expect("a targets table")..];
    let targets = &targets[..targets.find("</table>").unwrap()];
    assert!(!targets.contains("94%"), "a ratio across scopes: {targets}");
}

#[test]
fn xlsx_opens_with_the_sheets_and_values() {
    use calamine::{Data, Reader, Xlsx};
    let bytes = export::render(&cluster_targets(seed()), &request(Lang::En), Format::Xlsx).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    for s in ["Comparison", "Targets", "Sources", "Chart"] {
        assert!(names.iter().any(|n| n == s), "{names:?}");
    }
    let cmp = wb.worksheet_range("Comparison").unwrap();
    let out = cmp
        .rows()
        .find(|r| matches!(&r[0], Data::String(s) if s.starts_with("Output value")))
        .expect("output value row");
    assert_eq!(out[1], Data::String("CNY bn".into()));
    assert_eq!(out[4], Data::Float(1850.0));
    let targets = wb.worksheet_range("Targets").unwrap();
    let col = targets
        .rows()
        .next()
        .unwrap()
        .iter()
        .position(|h| h == &Data::String("Progress".into()))
        .unwrap();
    let progress: Vec<f64> = targets
        .rows()
        .skip(1)
        .filter_map(|r| match &r[col] {
            Data::Float(f) => Some(*f),
            _ => None,
        })
        .collect();
    assert!(!progress.is_empty(), "targets with progress");
    assert!(
        progress.iter().any(|p| (p - 500.0 / 530.0).abs() < 1e-6),
        "{progress:?}"
    );
    let sources = wb.worksheet_range("Sources").unwrap();
    assert!(sources.rows().count() >= 3, "header and cited sources");
}

#[test]
fn markdown_and_html_hold_the_values_and_sources() {
    let d = seed();
    let md =
        String::from_utf8(export::render(&d, &request(Lang::Zh), Format::Md).unwrap()).unwrap();
    assert!(md.contains("| 指标 |"));
    assert!(md.contains("18,500亿元"), "in 亿元 beside 5700亿元");
    assert!(md.contains("## 来源"));
    let html =
        String::from_utf8(export::render(&d, &request(Lang::En), Format::Html).unwrap()).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"), "inline chart");
    assert!(html.contains("CNY 1.85 tn"));
    assert!(
        !html.contains("http://") || !html.contains("src=\"http"),
        "no outside requests"
    );
    assert!(
        !html.contains("<script src") && !html.contains("<link"),
        "self-contained"
    );
}

#[test]
fn unknown_ids_and_too_many_clusters_are_refused() {
    let d = seed();
    let mut r = request(Lang::Zh);
    r.ids.push("no-such-cluster".into());
    let e = export::render(&d, &r, Format::Csv).unwrap_err();
    assert!(e.to_string().contains("no-such-cluster"));
    r.ids = d.clusters.iter().take(7).map(|c| c.id.clone()).collect();
    assert!(export::render(&d, &r, Format::Csv).is_err());
}

#[test]
fn a_failure_in_the_middle_of_a_write_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.csv");
    std::fs::write(&path, "old contents").unwrap();
    let r = export::write_atomic_with(&path, |f| {
        use std::io::Write;
        f.write_all(b"half a sheet")?;
        Err(std::io::Error::other("disk full"))
    });
    assert!(r.is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old contents");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn an_unwritable_path_gets_a_clear_error() {
    let d = seed();
    let e = export::export_to(
        &d,
        &request(Lang::Zh),
        Format::Csv,
        Path::new("/no/such/folder/x.csv"),
    )
    .unwrap_err();
    assert!(e.to_string().contains("/no/such/folder/x.csv"), "{e}");
}

#[test]
fn a_binary_format_is_not_written_to_standard_output() {
    let e =
        export::export_to(&seed(), &request(Lang::Zh), Format::Xlsx, Path::new("-")).unwrap_err();
    assert!(e.to_string().contains("binary"), "{e}");
}

#[test]
fn png_has_the_asked_size_is_not_blank_and_shows_the_comparison() {
    let d = seed();
    let mut r = request(Lang::En);
    r.png = PngOptions {
        view: export::View::Overview,
        width: 1600,
        height: 1200,
        scale: 1.5,
        dark: false,
    };
    let bytes = export::render(&d, &r, Format::Png).unwrap();
    let img = image::load_from_memory(&bytes).unwrap().to_rgba8();
    assert_eq!((img.width(), img.height()), (2400, 1800));
    // Not blank: many distinct colours, and the two series colours of the panels appear.
    let mut colours = std::collections::HashSet::new();
    for p in img.pixels().step_by(7) {
        colours.insert(p.0);
    }
    assert!(colours.len() > 50, "only {} colours", colours.len());
    let has = |rgb: [u8; 3]| img.pixels().any(|p| p.0[..3] == rgb);
    assert!(has([0x00, 0x72, 0xb2]), "first cluster's colour drawn");
    assert!(has([0xd5, 0x5e, 0x00]), "second cluster's colour drawn");
}

/// A CSV export's cells, row by row (its byte-order mark taken off).
fn csv_fields(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes.strip_prefix("\u{feff}".as_bytes()).unwrap()).unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

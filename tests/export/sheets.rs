//! Sheets a colleague can use.

use super::*;
use cluster_compare::model::Text;

/// The seed with Guangdong's output given Shenzhen's definition, so the two
/// compare (with the seed's own definitions they do not, and no difference
/// is computed: see `differences_across_definitions_are_empty_with_the_reason`).
fn same_output_definition(
    mut d: cluster_compare::model::Dataset,
) -> cluster_compare::model::Dataset {
    let (scope, definition) = d
        .cluster("shenzhen-battery-materials")
        .and_then(|c| c.metrics.iter().find(|m| m.key == "output_value"))
        .map(|m| (m.scope.clone(), m.definition.clone()))
        .unwrap_or_default();
    for c in &mut d.clusters {
        if c.id == "guangdong-six-city-nev" {
            for m in &mut c.metrics {
                if m.key == "output_value" {
                    m.scope = scope.clone();
                    m.definition = definition.clone();
                }
            }
        }
    }
    d
}

#[test]
fn every_export_names_the_baseline_and_csv_differences_are_numbers() {
    let d = same_output_definition(seed());
    let mut req = request(Lang::En);
    req.baseline = Some(0);
    let rows = csv_fields(&export::render(&d, &req, Format::Csv).unwrap());
    let header = &rows[0];
    let base_col = header
        .iter()
        .position(|h| h == "Shenzhen advanced battery materials cluster (baseline)")
        .expect("the baseline column is marked");
    assert_eq!(base_col, 3, "{header:?}");
    let diff_col = header
        .iter()
        .position(|h| h.contains("vs baseline Shenzhen"))
        .expect("a difference column naming the baseline");
    let out = rows.iter().find(|r| r[0] == "Output value").unwrap();
    let ratio: f64 = out[diff_col].parse().expect("a number");
    assert!((ratio - 1.85e12 / 5.7e11).abs() < 1e-6, "{ratio}");
    assert_eq!(out[2], "ratio");
    // Where the baseline has no figure: empty, with the reason in the note.
    let vehicles = rows.iter().find(|r| r[0] == "Vehicle output").unwrap();
    assert_eq!(vehicles[diff_col], "");
    assert!(
        vehicles[diff_col - 1].contains("the baseline has no figure"),
        "{vehicles:?}"
    );

    for fmt in [Format::Md, Format::Html] {
        let text = String::from_utf8(export::render(&d, &req, fmt).unwrap()).unwrap();
        assert!(text.contains("Baseline: "), "{fmt:?}");
    }
}

#[test]
fn differences_across_definitions_are_empty_with_the_reason() {
    let d = seed();
    let mut req = request(Lang::En);
    req.baseline = Some(0);
    let rows = csv_fields(&export::render(&d, &req, Format::Csv).unwrap());
    let diff_col = rows[0]
        .iter()
        .position(|h| h.contains("vs baseline"))
        .unwrap();
    let firms = rows.iter().find(|r| r[0] == "Firms").unwrap();
    assert_eq!(firms[diff_col], "");
    assert!(firms[diff_col - 1].contains("different definitions"));
}

#[test]
fn xlsx_has_numeric_differences_targets_as_numbers_and_print_setup_on_every_sheet() {
    use calamine::{Data, Reader, Xlsx};
    use std::io::Read;
    let d = same_output_definition(seed());
    let mut req = request(Lang::En);
    req.baseline = Some(0);
    let bytes = export::render(&d, &req, Format::Xlsx).unwrap();
    let mut wb: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    let cmp = wb.worksheet_range("Comparison").unwrap();
    let header: Vec<String> = cmp
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let diff_col = header
        .iter()
        .position(|h| h.contains("vs baseline"))
        .unwrap();
    let out = cmp
        .rows()
        .find(|r| r[0] == Data::String("Output value".into()))
        .unwrap();
    assert!(
        matches!(out[diff_col], Data::Float(f) if (f - 3.2456).abs() < 1e-3),
        "{:?}",
        out[diff_col]
    );

    let targets = wb.worksheet_range("Targets").unwrap();
    let th: Vec<String> = targets
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let value_col = th.iter().position(|h| h == "Target value").unwrap();
    let values: Vec<&Data> = targets.rows().skip(1).map(|r| &r[value_col]).collect();
    assert!(!values.is_empty());
    assert!(
        values.iter().all(|v| matches!(v, Data::Float(_))),
        "{values:?}"
    );
    assert!(values.contains(&&Data::Float(530.0)));

    let sources = wb.worksheet_range("Sources").unwrap();
    let files: Vec<&str> = d.sources.iter().filter_map(|s| s.file.as_deref()).collect();
    for r in sources.rows() {
        for c in r {
            assert!(
                !files.iter().any(|f| c.to_string().contains(f)),
                "internal file name {c}"
            );
        }
    }

    // Print setup, read from the sheets' XML.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut workbook = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    let sheets: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .map(|n| n.into_owned())
        .collect();
    assert!(sheets.len() >= 5);
    for name in &sheets {
        let mut xml = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        assert!(
            xml.contains("orientation=\"landscape\""),
            "{name} landscape"
        );
        assert!(
            xml.contains("<pageSetUpPr fitToPage=\"1\"/>"),
            "{name} fit to page"
        );
        assert!(
            xml.contains("fitToHeight=\"0\""),
            "{name} as many pages tall as it takes"
        );
        // The data's title and the sheet's name head every page, the page
        // number ends it.
        assert!(
            xml.contains("<oddHeader>&amp;L") && xml.contains("&amp;R&amp;A</oddHeader>"),
            "{name} header: {}",
            &xml[xml.find("<headerFooter").unwrap_or(0)..]
        );
        assert!(
            xml.contains("<oddFooter>&amp;C&amp;P / &amp;N</oddFooter>"),
            "{name} page number"
        );
    }
    let header = zip_text(&mut zip, "xl/worksheets/sheet1.xml");
    let header = &header[header.find("<oddHeader>").unwrap()..];
    assert!(
        header.contains("national advanced manufacturing clusters"),
        "the data's title in the header: {header}"
    );
    // Rows with wrapped notes are as tall as their lines, so that they do
    // not print over the next row (LibreOffice keeps a row's given height).
    let sheet1 = zip_text(&mut zip, "xl/worksheets/sheet1.xml");
    let tall = sheet1
        .split("<row r=\"")
        .skip(2)
        .filter_map(|r| {
            let ht = r.split(" ht=\"").nth(1)?.split('"').next()?;
            ht.parse::<f64>().ok()
        })
        .filter(|h| *h > 15.0)
        .count();
    assert!(tall > 0, "some row taller than one line");
    // The metric and unit columns repeat on every page across.
    assert!(
        workbook.contains("Comparison!$A:$B,Comparison!$1:$1"),
        "{workbook}"
    );
    assert_eq!(
        workbook.matches("_xlnm.Print_Titles").count(),
        sheets.len(),
        "header row repeated on every sheet"
    );
}

fn zip_text<R: std::io::Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, name: &str) -> String {
    use std::io::Read;
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn html_has_the_targets_and_sources_show_title_publisher_and_date_not_file_names() {
    let d = cluster_targets(seed());
    let html =
        String::from_utf8(export::render(&d, &request(Lang::En), Format::Html).unwrap()).unwrap();
    let targets = &html[html.find("<h2>Targets</h2>").expect("a targets table")..];
    let targets = &targets[..targets.find("</table>").unwrap()];
    let n = d.cluster("guangdong-six-city-nev").unwrap().targets.len();
    assert_eq!(
        targets.matches("<tr>").count(),
        n + 1,
        "header and one row per target"
    );
    assert!(targets.contains("5.3 million vehicles") && targets.contains("94%"));
    let md =
        String::from_utf8(export::render(&d, &request(Lang::En), Format::Md).unwrap()).unwrap();
    for s in d.sources.iter() {
        if let Some(f) = &s.file {
            assert!(
                !html.contains(f.as_str()) && !md.contains(f.as_str()),
                "{f}"
            );
        }
        assert!(!md.contains(&format!("`{}`", s.id)), "internal id {}", s.id);
    }
    let cmp = export::comparison(&d, &request(Lang::En)).unwrap();
    for id in &cmp.cited_sources {
        let s = d.source(id).unwrap();
        for part in [s.title.get(Lang::En), s.publisher.get(Lang::En), &s.date] {
            assert!(html.contains(&export::safe::html(part)), "{part}");
        }
    }
}

#[test]
fn policies_are_in_every_export() {
    use calamine::{Data, Reader, Xlsx};
    let d = seed();
    let req = request(Lang::En);
    let gd = d.cluster("guangdong-six-city-nev").unwrap();
    let title = gd.policies[0].title.get(Lang::En);
    let (csv, _) = export::render_with_notes(&d, &req, Format::Csv, What::Policies).unwrap();
    let rows = csv_fields(&csv);
    assert_eq!(
        rows[0],
        [
            "Cluster",
            "Title",
            "Issuer",
            "Year",
            "Categories",
            "Summary",
            "Source document",
            "Quote"
        ]
    );
    let n: usize = req
        .ids
        .iter()
        .map(|id| d.cluster(id).unwrap().policies.len())
        .sum();
    assert_eq!(rows.len(), n + 1, "one row per policy");
    let row = rows.iter().find(|r| r[1] == title).unwrap();
    assert_eq!(row[0], gd.name.get(Lang::En), "{row:?}");
    assert!(!row[7].is_empty(), "the quote");
    if let Some(y) = gd.policies[0].year {
        assert_eq!(row[3], y.to_string());
    }

    let bytes = export::render(&d, &req, Format::Xlsx).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let p = wb.worksheet_range("Policies").unwrap();
    assert_eq!(p.rows().count(), n + 1);
    assert!(p.rows().any(|r| r[1] == Data::String(title.into())));

    for fmt in [Format::Md, Format::Html] {
        let text = String::from_utf8(export::render(&d, &req, fmt).unwrap()).unwrap();
        assert!(text.contains("Policies"), "{fmt:?}");
        let escaped = export::safe::html(title);
        assert!(
            text.contains(&escaped) || text.contains(&export::safe::md(title)),
            "{fmt:?}"
        );
    }
    assert!(export::render_with_notes(&d, &req, Format::Xlsx, What::Policies).is_err());
}

#[test]
fn a_ten_thousand_character_name_is_shortened_in_titles_and_headers() {
    let mut d = seed();
    let long = "Z".repeat(10_000);
    for c in &mut d.clusters {
        if c.id == "shenzhen-battery-materials" {
            c.name = Text::new(long.clone(), long.clone());
        }
    }
    let req = request(Lang::En);
    let md = String::from_utf8(export::render(&d, &req, Format::Md).unwrap()).unwrap();
    let title = md.lines().next().unwrap();
    assert!(
        title.chars().count() < 300,
        "title of {} chars",
        title.chars().count()
    );
    assert!(title.contains('…'));
    let header = md.lines().find(|l| l.starts_with("| Metric")).unwrap();
    assert!(header.chars().count() < 400);
    assert!(
        md.contains(&long),
        "the full name kept in the list of clusters"
    );
    let html = String::from_utf8(export::render(&d, &req, Format::Html).unwrap()).unwrap();
    let h1 = &html[html.find("<h1>").unwrap()..html.find("</h1>").unwrap()];
    assert!(h1.chars().count() < 300);
    let rows = csv_fields(&export::render(&d, &req, Format::Csv).unwrap());
    assert!(
        rows[0].iter().all(|h| h.chars().count() < 200),
        "CSV headers shortened"
    );
}

#[test]
fn png_with_a_ten_thousand_character_name_still_shows_the_comparison() {
    let mut d = seed();
    let long = "W".repeat(10_000);
    for c in &mut d.clusters {
        if c.id == "shenzhen-battery-materials" {
            c.name = Text::new(long.clone(), long.clone());
        }
    }
    let mut r = request(Lang::En);
    r.png = PngOptions {
        width: 1920,
        height: 1440,
        scale: 1.0,
        ..PngOptions::default()
    };
    let bytes = export::render(&d, &r, Format::Png).unwrap();
    let img = image::load_from_memory(&bytes).unwrap().to_rgba8();
    let has = |rgb: [u8; 3]| img.pixels().any(|p| p.0[..3] == rgb);
    assert!(
        has([0x00, 0x72, 0xb2]),
        "first cluster's panel and bars drawn"
    );
    assert!(
        has([0xd5, 0x5e, 0x00]),
        "second cluster's panel and bars drawn"
    );
}

/// The comparison table's row of `metric` in an HTML page: its cells' texts.
fn html_row(html: &str, metric: &str) -> Vec<String> {
    let at = html
        .find(&format!("<tr><td><bdi>{metric}</bdi></td>"))
        .unwrap_or_else(|| panic!("no row {metric}"));
    let row = &html[at..at + html[at..].find("</tr>").unwrap()];
    row.split("<td")
        .skip(1)
        .map(|c| {
            let c = &c[c.find('>').unwrap() + 1..];
            c[..c.find("</td>").unwrap()]
                .replace("<bdi>", "")
                .replace("</bdi>", "")
        })
        .collect()
}

#[test]
fn html_gives_the_unit_its_own_column_and_money_reads_in_yi_and_billions() {
    let d = seed();
    for (lang, metric, unit) in [
        (Lang::Zh, "产值", "亿元"),
        (Lang::En, "Output value", "CNY bn"),
    ] {
        let html =
            String::from_utf8(export::render(&d, &request(lang), Format::Html).unwrap()).unwrap();
        let row = html_row(&html, metric);
        assert_eq!(row[1], unit, "{lang:?}: {row:?}");
        for cell in &row[2..row.len() - 1] {
            assert!(
                !cell.contains("亿元") && !cell.contains("CNY") && !cell.contains("万亿"),
                "{lang:?}: the unit is in its own column: {cell}"
            );
            assert!(
                !cell.starts_with("0."),
                "{lang:?}: no 0.xx of a larger unit: {cell}"
            );
        }
    }
}

#[test]
fn in_xlsx_a_bound_is_shown_with_its_number_and_the_cell_stays_a_number() {
    use calamine::{Data, Reader, Xlsx};
    let d = seed();
    let bytes = export::render(&d, &request(Lang::Zh), Format::Xlsx).unwrap();
    // The number: Shenzhen's output, more than 5700亿元, a number in 亿元.
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(&bytes)).unwrap();
    let sheet = wb.worksheet_range("对比").unwrap();
    let output = sheet
        .rows()
        .find(|r| r[0] == "产值")
        .expect("the output row");
    assert_eq!(output[2], Data::Float(5700.0), "{output:?}");
    // Its format writes the bound before it, in the cell itself.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let styles = zip_text(&mut zip, "xl/styles.xml");
    assert!(
        styles.contains("formatCode=\"&quot;&gt; &quot;#,##0.###"),
        "no number format with the bound: {styles}"
    );
}

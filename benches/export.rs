//! Every export format of a 6-cluster comparison with a baseline.

use cluster_compare::export::{self, Format, PngOptions, Request};
use cluster_compare::synth;

fn main() {
    divan::main();
}

fn request() -> (cluster_compare::model::Dataset, Request) {
    let d = synth::dataset(100);
    let ids = d.clusters.iter().take(6).map(|c| c.id.clone()).collect();
    (
        d,
        Request {
            ids,
            baseline: Some(0),
            lang: cluster_compare::model::Lang::Zh,
            png: PngOptions::default(),
            ..Default::default()
        },
    )
}

#[divan::bench(sample_count = 20)]
fn xlsx_6_clusters(bencher: divan::Bencher) {
    let (d, r) = request();
    bencher.bench(|| {
        export::render(&d, &r, Format::Xlsx)
            .map(|b| b.len())
            .unwrap_or(0)
    });
}

#[divan::bench(sample_count = 20)]
fn csv_6_clusters(bencher: divan::Bencher) {
    let (d, r) = request();
    bencher.bench(|| {
        export::render(&d, &r, Format::Csv)
            .map(|b| b.len())
            .unwrap_or(0)
    });
}

#[divan::bench(sample_count = 20)]
fn markdown_6_clusters(bencher: divan::Bencher) {
    let (d, r) = request();
    bencher.bench(|| {
        export::render(&d, &r, Format::Md)
            .map(|b| b.len())
            .unwrap_or(0)
    });
}

#[divan::bench(sample_count = 20)]
fn html_6_clusters(bencher: divan::Bencher) {
    let (d, r) = request();
    bencher.bench(|| {
        export::render(&d, &r, Format::Html)
            .map(|b| b.len())
            .unwrap_or(0)
    });
}

#[divan::bench(sample_count = 20)]
fn policies_csv_6_clusters(bencher: divan::Bencher) {
    let (d, r) = request();
    bencher.bench(|| {
        export::render_with_notes(&d, &r, Format::Csv, export::What::Policies)
            .map(|b| b.0.len())
            .unwrap_or(0)
    });
}

#[divan::bench(sample_count = 20)]
fn clipboard_tsv_6_clusters(bencher: divan::Bencher) {
    let (d, r) = request();
    let cmp = export::comparison(&d, &r).unwrap_or_else(|e| panic!("{e}"));
    bencher.bench(|| export::tsv(&d, &cmp).len());
}

#[divan::bench(sample_count = 20)]
fn atomic_write_100_kb(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("sheet.csv");
    let bytes = vec![b'x'; 100_000];
    bencher.bench(|| export::write_atomic(&path, &bytes).is_ok());
}

#[divan::bench(sample_count = 5)]
fn png_6_clusters_1600x900(bencher: divan::Bencher) {
    let (d, r) = request();
    bencher.bench(|| {
        export::render(&d, &r, Format::Png)
            .map(|b| b.len())
            .unwrap_or(0)
    });
}

//! XLSX and PNG export of a 6-cluster comparison.

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

#[divan::bench(sample_count = 5)]
fn png_6_clusters_1600x900(bencher: divan::Bencher) {
    let (d, r) = request();
    bencher.bench(|| {
        export::render(&d, &r, Format::Png)
            .map(|b| b.len())
            .unwrap_or(0)
    });
}

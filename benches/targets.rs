//! One cluster with many figures of one metric and as many targets on it
//! (the hostile file of issue "targets × figures"): checking and exporting
//! stay linear. 20,000 × 20,000 took 1.3 s to check and 20 s (6.4 GB) to
//! export before each target's actual stopped copying the metric's history.

use cluster_compare::export::{self, Format, Request};
use cluster_compare::model::{AsOf, Dataset, Lang};
use cluster_compare::{load, synth};

fn main() {
    divan::main();
}

/// A one-cluster dataset with `n` yearly figures of its output value and `n` targets on it.
pub fn many_targets(n: usize) -> Dataset {
    let mut d = synth::dataset(1);
    let c = &mut d.clusters[0];
    let figure = c
        .metrics
        .iter()
        .find(|m| m.key == "output_value")
        .cloned()
        .expect("a synthetic cluster has an output value");
    let target = c.targets[0].clone();
    c.metrics.extend((0..n).map(|i| {
        let mut m = figure.clone();
        m.value += i as f64;
        m.as_of = AsOf {
            year: 1000 + (i % 1000) as i32,
            ..m.as_of.clone()
        };
        m
    }));
    c.targets.extend((0..n).map(|i| {
        let mut t = target.clone();
        t.value += i as f64;
        t
    }));
    d
}

fn request(d: &Dataset) -> Request {
    Request {
        ids: vec![d.clusters[0].id.clone()],
        lang: Lang::Zh,
        ..Default::default()
    }
}

#[divan::bench(args = [20_000, 200_000], sample_count = 3)]
fn check(bencher: divan::Bencher, n: usize) {
    let d = many_targets(n);
    bencher.bench(|| load::validate(divan::black_box(&d)).len());
}

#[divan::bench(args = [20_000, 200_000], sample_count = 3)]
fn csv_export(bencher: divan::Bencher, n: usize) {
    let d = many_targets(n);
    let r = request(&d);
    bencher.bench(|| export::render(&d, &r, Format::Csv).map_or(0, |b| b.len()));
}

#[divan::bench(args = [20_000, 200_000], sample_count = 3)]
fn xlsx_export(bencher: divan::Bencher, n: usize) {
    let d = many_targets(n);
    let r = request(&d);
    bencher.bench(|| export::render(&d, &r, Format::Xlsx).map_or(0, |b| b.len()));
}

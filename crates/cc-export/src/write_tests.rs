//! Atomic writes: what is replaced, what is written in place, what is refused.

use super::*;

#[test]
fn our_temporaries_are_recognised_and_nothing_else() {
    assert!(is_our_temporary(".sheet.csv.cluster-compare-a1B2c3.tmp"));
    assert!(is_our_temporary(".cluster-compare-a1B2c3.tmp"));
    assert!(!is_our_temporary("sheet.csv"));
    assert!(!is_our_temporary(
        ".sheet.csv.cluster-compare-a1B2c3.tmp.bak"
    ));
    assert!(!is_our_temporary(".other-app-a1B2c3.tmp"));
    assert!(!is_our_temporary(".x.cluster-compare-toolong1.tmp"));
}

#[cfg(unix)]
#[test]
fn a_character_device_is_written_in_place_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let null = Path::new("/dev/null");
    if !fs::metadata(null).is_ok_and(|m| m.file_type().is_char_device()) {
        return;
    }
    // As root the rename would succeed and turn /dev/null into a file; as
    // anyone else it fails. Either way the old code did not write in place.
    write_atomic(null, b"sheet").unwrap();
    assert!(fs::metadata(null).unwrap().file_type().is_char_device());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once_and_left_a_fifo() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let e = write_atomic(&fifo, b"sheet").unwrap_err().to_string();
    assert!(e.contains("named pipe") && e.contains("pipe"), "{e}");
    assert!(e.contains(&fifo.display().to_string()), "{e}");
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[cfg(unix)]
#[test]
fn a_symlink_is_written_through_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.csv");
    fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink("real.csv", &link).unwrap();
    write_atomic(&link, b"new").unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&real).unwrap(), "new");

    // A dangling link gets its target made.
    let dangling = dir.path().join("dangling.csv");
    std::os::unix::fs::symlink("made.csv", &dangling).unwrap();
    write_atomic(&dangling, b"made").unwrap();
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("made.csv")).unwrap(),
        "made"
    );

    // A loop is refused, not followed forever.
    let a = dir.path().join("a");
    std::os::unix::fs::symlink("b", &a).unwrap();
    std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
    let e = write_atomic(&a, b"x").unwrap_err().to_string();
    assert!(e.contains("loop"), "{e}");
}

#[test]
fn parallel_writes_to_one_file_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.csv");
    let failures = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for t in 0..32 {
            let (path, failures) = (&path, &failures);
            s.spawn(move || {
                for i in 0..30 {
                    let body = format!("thread {t} write {i}");
                    if let Err(e) = write_atomic(path, body.as_bytes()) {
                        failures.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        eprintln!("{e}");
                    }
                }
            });
        }
    });
    assert_eq!(failures.into_inner(), 0, "every parallel write succeeds");
    assert!(fs::read_to_string(&path).unwrap().starts_with("thread "));
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporaries left behind");
}

#[test]
fn young_temporaries_are_left_and_old_unheld_ones_removed() {
    let dir = tempfile::tempdir().unwrap();
    let young = dir.path().join(".a.csv.cluster-compare-Young1.tmp");
    let old = dir.path().join(".a.csv.cluster-compare-Old123.tmp");
    fs::write(&young, "half").unwrap();
    fs::write(&old, "half").unwrap();
    let past = SystemTime::now() - YOUNG - Duration::from_secs(5);
    File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(past)
        .unwrap();
    write_atomic(&dir.path().join("a.csv"), b"y").unwrap();
    assert!(young.exists(), "its owner may be about to lock it");
    assert!(!old.exists(), "a killed export's leftover is removed");
}

//! From JSON paths and byte offsets to line:column, in time linear in the file.
//!
//! Problems are located in two batches, never one file scan per problem:
//! [`scan`] walks the text once and records where each wanted JSON path starts
//! (and, on the way, duplicate keys and too-deep nesting); [`positions`] turns
//! all byte offsets into line:column in one sorted sweep. Columns count
//! characters, as editors do, not bytes.

use std::borrow::Cow;
use std::collections::HashMap;

use super::Pos;

/// Line and column (columns in characters) of each byte offset, in one sweep.
pub(super) fn positions(text: &str, offsets: &[usize]) -> Vec<Pos> {
    let bytes = text.as_bytes();
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut out = vec![Pos { line: 1, column: 1 }; offsets.len()];
    let (mut at, mut line, mut column) = (0usize, 1usize, 1usize);
    for i in order {
        let target = offsets[i].min(bytes.len());
        let chunk = &bytes[at..target];
        match chunk.iter().rposition(|&b| b == b'\n') {
            Some(nl) => {
                line += bytecount_newlines(chunk);
                column = 1 + count_chars(&chunk[nl + 1..]);
            }
            None => column += count_chars(chunk),
        }
        at = target;
        out[i] = Pos { line, column };
    }
    out
}

fn bytecount_newlines(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c == b'\n').count()
}

/// Characters in a run of UTF-8 bytes: every byte that does not continue one.
fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&c| (c & 0xC0) != 0x80).count()
}

/// Line and column (in characters) of byte `offset`.
pub(super) fn pos_at(text: &str, offset: usize) -> Pos {
    positions(text, &[offset])[0]
}

/// Byte offset in `text` of serde_json's `line`/`column` (column in bytes,
/// both from 1) reported for the slice that starts at byte `base`. Scans the
/// slice only up to that line.
pub(super) fn offset_of(text: &str, base: usize, line: usize, column: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = base.min(bytes.len());
    for _ in 1..line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    (start + column.saturating_sub(1)).min(bytes.len())
}

/// Finds where a JSON path (`clusters[2].metrics[0].unit`) starts in `text`.
///
/// ```
/// use cc_data::load::{locate, Pos};
/// assert_eq!(locate("{\"a\": [1, 2]}", "a[1]"), Some(Pos { line: 1, column: 11 }));
/// ```
pub fn locate(text: &str, path: &str) -> Option<Pos> {
    let at = scan(text, &[path], 0).found[0]?;
    Some(pos_at(text, at))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn segments(path: &str) -> Option<Vec<Seg<'_>>> {
    let mut seg = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, mut rest) = part.split_once('[').map_or((part, ""), |(n, r)| (n, r));
        if !name.is_empty() {
            seg.push(Seg::Key(name));
        }
        while !rest.is_empty() {
            let (idx, r) = rest.split_once(']')?;
            seg.push(Seg::Index(idx.parse().ok()?));
            rest = r.strip_prefix('[').unwrap_or(r);
        }
    }
    Some(seg)
}

/// The wanted paths as a tree, so the walk follows only branches that lead to one.
#[derive(Default)]
struct Trie<'a> {
    children: Vec<HashMap<Seg<'a>, usize>>,
    /// For each node, the indices of the wanted paths that end there.
    ends: Vec<Vec<usize>>,
}

impl<'a> Trie<'a> {
    fn new(paths: &[&'a str]) -> Self {
        let mut t = Trie {
            children: vec![HashMap::new()],
            ends: vec![Vec::new()],
        };
        for (i, p) in paths.iter().enumerate() {
            let Some(segs) = segments(p) else { continue };
            let mut node = 0;
            for s in segs {
                let next = t.children.len();
                node = *t.children[node].entry(s).or_insert(next);
                if node == next {
                    t.children.push(HashMap::new());
                    t.ends.push(Vec::new());
                }
            }
            t.ends[node].push(i);
        }
        t
    }

    fn child(&self, node: Option<usize>, seg: Seg<'_>) -> Option<usize> {
        let node = node?;
        // The map is covariant in its keys: look up with a key borrowed from the text.
        let kids: &HashMap<Seg<'_>, usize> = &self.children[node];
        if kids.is_empty() {
            return None;
        }
        kids.get(&seg).copied()
    }
}

/// A key that appears twice in one object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Duplicate {
    /// JSON path of the second occurrence (`clusters[0].name`).
    pub path: String,
    pub key: String,
    /// Byte offsets of the first and the second key.
    pub first: usize,
    pub second: usize,
}

/// What one walk over the text found.
#[derive(Debug, Default)]
pub(super) struct Scan {
    /// Byte offset where each wanted path's value starts.
    pub found: Vec<Option<usize>>,
    pub duplicates: Vec<Duplicate>,
    /// Byte offset and depth of the first nesting deeper than the limit.
    pub too_deep: Option<(usize, usize)>,
}

struct Frame<'a> {
    node: Option<usize>,
    /// Arrays: index of the current element. Objects: unused.
    index: usize,
    object: bool,
    /// Objects: keys seen so far and their byte offsets.
    keys: Vec<(Cow<'a, str>, usize)>,
    key_map: Option<HashMap<Cow<'a, str>, usize>>,
    /// Objects: the key whose value is being read.
    key: Option<Cow<'a, str>>,
}

enum State {
    Value,
    After,
    Key,
}

/// Walks `text` once: records where each of `paths` starts, every duplicate key,
/// and nesting deeper than `max_depth` (0: no limit). Stops quietly at the first
/// syntax error; the parser reports those.
pub(super) fn scan(text: &str, paths: &[&str], max_depth: usize) -> Scan {
    let trie = Trie::new(paths);
    let b = text.as_bytes();
    let mut out = Scan {
        found: vec![None; paths.len()],
        ..Scan::default()
    };
    let mut stack: Vec<Frame<'_>> = Vec::new();
    let mut node = Some(0);
    let mut i = skip_ws(b, 0);
    let mut state = State::Value;
    loop {
        match state {
            State::Value => {
                if let Some(n) = node {
                    for &p in &trie.ends[n] {
                        out.found[p] = Some(i);
                    }
                }
                match b.get(i) {
                    Some(&c @ (b'{' | b'[')) => {
                        if max_depth > 0 && stack.len() >= max_depth {
                            out.too_deep = Some((i, stack.len() + 1));
                            return out;
                        }
                        stack.push(Frame {
                            node,
                            index: 0,
                            object: c == b'{',
                            keys: Vec::new(),
                            key_map: None,
                            key: None,
                        });
                        i = skip_ws(b, i + 1);
                        let close = if c == b'{' { b'}' } else { b']' };
                        if b.get(i) == Some(&close) {
                            stack.pop();
                            i += 1;
                            state = State::After;
                        } else if c == b'{' {
                            state = State::Key;
                        } else {
                            node = trie.child(node, Seg::Index(0));
                        }
                    }
                    Some(b'"') => {
                        let Some(end) = string_end(b, i) else {
                            return out;
                        };
                        i = end;
                        state = State::After;
                    }
                    Some(_) => {
                        let start = i;
                        while i < b.len()
                            && !matches!(b[i], b',' | b'}' | b']' | b'{' | b'[' | b'"')
                            && !b[i].is_ascii_whitespace()
                        {
                            i += 1;
                        }
                        if i == start {
                            return out;
                        }
                        state = State::After;
                    }
                    None => return out,
                }
            }
            State::After => {
                i = skip_ws(b, i);
                let Some(frame) = stack.last_mut() else {
                    return out;
                };
                match (b.get(i), frame.object) {
                    (Some(b','), false) => {
                        frame.index += 1;
                        i = skip_ws(b, i + 1);
                        node = trie.child(frame.node, Seg::Index(frame.index));
                        state = State::Value;
                    }
                    (Some(b','), true) => {
                        i = skip_ws(b, i + 1);
                        state = State::Key;
                    }
                    (Some(b']'), false) | (Some(b'}'), true) => {
                        stack.pop();
                        i += 1;
                    }
                    _ => return out,
                }
            }
            State::Key => {
                let Some(end) = string_end(b, i).filter(|_| b.get(i) == Some(&b'"')) else {
                    return out;
                };
                let raw = &text[i + 1..end - 1];
                let key: Cow<'_, str> = if raw.contains('\\') {
                    match serde_json::from_str::<String>(&text[i..end]) {
                        Ok(k) => Cow::Owned(k),
                        Err(_) => return out,
                    }
                } else {
                    Cow::Borrowed(raw)
                };
                let Some(frame) = stack.last_mut() else {
                    return out;
                };
                if let Some(first) = frame.remember(key.clone(), i) {
                    let path = path_of(&stack, &key);
                    out.duplicates.push(Duplicate {
                        path,
                        key: key.to_string(),
                        first,
                        second: i,
                    });
                }
                i = skip_ws(b, end);
                if b.get(i) != Some(&b':') {
                    return out;
                }
                i = skip_ws(b, i + 1);
                let Some(frame) = stack.last_mut() else {
                    return out;
                };
                node = match &key {
                    Cow::Borrowed(k) => trie.child(frame.node, Seg::Key(k)),
                    Cow::Owned(k) => trie.child(frame.node, Seg::Key(k.as_str())),
                };
                frame.key = Some(key);
                state = State::Value;
            }
        }
    }
}

impl<'a> Frame<'a> {
    /// Notes a key; returns the offset of an earlier one of the same name.
    fn remember(&mut self, key: Cow<'a, str>, at: usize) -> Option<usize> {
        if let Some(map) = &mut self.key_map {
            if let Some(&first) = map.get(&key) {
                return Some(first);
            }
            map.insert(key, at);
            return None;
        }
        if let Some((_, first)) = self.keys.iter().find(|(k, _)| *k == key) {
            return Some(*first);
        }
        self.keys.push((key, at));
        if self.keys.len() > 16 {
            self.key_map = Some(self.keys.drain(..).collect());
        }
        None
    }
}

/// The JSON path of `key` in the innermost object of `stack`.
fn path_of(stack: &[Frame<'_>], key: &str) -> String {
    let mut s = String::new();
    let push_key = |s: &mut String, k: &str| {
        if !s.is_empty() {
            s.push('.');
        }
        s.push_str(k);
    };
    for depth in 0..stack.len() {
        // Each frame's own place comes from its parent: the parent's current key or index.
        if depth > 0 {
            let parent = &stack[depth - 1];
            if parent.object {
                if let Some(k) = &parent.key {
                    push_key(&mut s, k);
                }
            } else {
                s.push_str(&format!("[{}]", parent.index));
            }
        }
    }
    push_key(&mut s, key);
    s
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// End (one past the closing quote) of the string starting at `i`.
fn string_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_finds_nested_paths() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": 2\n}";
        assert_eq!(locate(text, "c"), Some(Pos { line: 3, column: 8 }));
        assert_eq!(
            locate(text, "a[1].b"),
            Some(Pos {
                line: 2,
                column: 18
            })
        );
        assert_eq!(locate(text, "a[5]"), None);
    }

    #[test]
    fn many_paths_in_one_walk() {
        let text = "{\"a\": [{\"b\": 1}, {\"b\": 2}], \"c\": {\"d\": [true, null]}}";
        let s = scan(text, &["a[1].b", "c.d[1]", "a[0]", "zz", "a[1].b"], 0);
        let at = |o: Option<usize>| o.map(|o| &text[o..o + 1]);
        assert_eq!(at(s.found[0]), Some("2"));
        assert_eq!(at(s.found[1]), Some("n"));
        assert_eq!(at(s.found[2]), Some("{"));
        assert_eq!(s.found[3], None);
        assert_eq!(s.found[4], s.found[0]);
    }

    #[test]
    fn columns_count_characters() {
        let text = "{\"名称名称\": 1,\n \"键\": 2}";
        let off = text.find('1').unwrap();
        assert_eq!(
            pos_at(text, off),
            Pos {
                line: 1,
                column: 10
            }
        );
        let off2 = text.find('2').unwrap();
        let both = positions(text, &[off2, off]);
        assert_eq!(both[0], Pos { line: 2, column: 7 });
        assert_eq!(
            both[1],
            Pos {
                line: 1,
                column: 10
            }
        );
    }

    #[test]
    fn duplicates_name_both_places_and_the_path() {
        let text = "{\"a\": [{\"x\": 1, \"y\": 2, \"x\": 3}], \"b\": 1, \"b\": 2}";
        let s = scan(text, &[], 0);
        assert_eq!(s.duplicates.len(), 2);
        assert_eq!(s.duplicates[0].path, "a[0].x");
        assert_eq!(&text[s.duplicates[0].first..][..3], "\"x\"");
        assert!(s.duplicates[0].second > s.duplicates[0].first);
        assert_eq!(s.duplicates[1].path, "b");
        // An escaped key is the same key.
        let s = scan("{\"n\\u0061me\": 1, \"name\": 2}", &[], 0);
        assert_eq!(s.duplicates.len(), 1);
    }
}

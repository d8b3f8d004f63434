//! Line and column numbers of byte offsets, worked out only for the places reported.

/// Turns byte offsets into 1-based line and column numbers (columns count characters).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text` once, so each look-up is a binary search.
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    /// The lines and columns of ascending byte offsets, counting each stretch of text once, so
    /// thousands of problems on one long line (a minified feed) are placed in linear time.
    pub fn line_cols(&self, offsets: impl IntoIterator<Item = usize>) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut prev: Option<(usize, usize, usize)> = None;
        for offset in offsets {
            let mut offset = offset.min(self.text.len());
            while !self.text.is_char_boundary(offset) {
                offset -= 1;
            }
            let line = self.starts.partition_point(|&s| s <= offset) - 1;
            let column = match prev {
                Some((po, pl, pc)) if pl == line && po <= offset => {
                    pc + self.text[po..offset].chars().count()
                }
                _ => self.text[self.starts[line]..offset].chars().count() + 1,
            };
            prev = Some((offset, line, column));
            out.push((line + 1, column));
        }
        out
    }

    /// The line and column of byte `offset` (clamped to the text).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        (line + 1, self.text[start..end].chars().count() + 1)
    }
}

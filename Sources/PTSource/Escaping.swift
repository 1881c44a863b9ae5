extension String {
    /// The text with every scalar that `replacement` maps replaced by what it maps to; the
    /// others are kept. One walk, shared by every output format's escaping rules.
    ///
    /// Most text has nothing to replace: then the text itself comes back, uncopied. Otherwise
    /// the runs between replacements are copied as UTF-8 bytes, not scalar by scalar (the DOT
    /// of a batch of diagrams escapes every title, several times; docs/ydelse.md).
    public func escaping(_ replacement: (Unicode.Scalar) -> String?) -> String {
        let scalars = unicodeScalars
        var out: [UInt8] = []
        var changed = false
        var kept = scalars.startIndex
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let next = scalars.index(after: index)
            if let replaced = replacement(scalars[index]) {
                if !changed {
                    out.reserveCapacity(utf8.count + 16)
                    changed = true
                }
                out.append(contentsOf: utf8[kept..<index])
                out.append(contentsOf: replaced.utf8)
                kept = next
            }
            index = next
        }
        guard changed else { return self }
        out.append(contentsOf: utf8[kept..<scalars.endIndex])
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// The text with every scalar that `replacement` maps replaced by what it maps to; the
    /// others are kept. One walk, shared by every output format's escaping rules.
    public func escaping(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(unicodeScalars.count)
        for scalar in unicodeScalars {
            if let replaced = replacement(scalar) {
                out += replaced
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

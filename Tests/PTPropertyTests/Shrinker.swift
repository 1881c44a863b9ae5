import PTModelGenerator

/// Makes a failing model smaller while it still fails: first whole top-level blocks (an element
/// with everything indented under it; runs of them, halved until single blocks), then single indented lines with their own indented lines,
/// then the text after a line's colon, halved. Greedy, and at most `budget` tries (each one
/// checks and may draw the model).
enum Shrinker {
    static func shrink(_ model: GeneratedModel, budget: Int = 80, stillFails: (GeneratedModel) -> Bool) -> GeneratedModel {
        var current = model
        var tries = 0
        func attempt(_ candidate: GeneratedModel) -> Bool {
            guard tries < budget else { return false }
            tries += 1
            return stillFails(candidate)
        }

        var progress = true
        while progress, tries < budget {
            progress = false
            // Blocks, largest first: the main file, then each part.
            // Runs of blocks, halving the run: a big model loses most of itself in a few tries.
            for file in [nil] + current.parts.keys.sorted().map(Optional.some) {
                var blocks = Self.blocks(lines(of: current, file))
                // The header stays: without it nothing checks. Blocks before it (a comment) go.
                var run = max(1, blocks.count / 2)
                while run >= 1, tries < budget {
                    var index = 0
                    while index < blocks.count, tries < budget {
                        let removed = index..<min(index + run, blocks.count)
                        if blocks[removed].contains(where: Self.isHeader) {
                            index += 1
                            continue
                        }
                        var candidate = current
                        var kept = blocks
                        kept.removeSubrange(removed)
                        set(&candidate, file, kept.flatMap { $0 })
                        if attempt(candidate) {
                            current = candidate
                            blocks = kept
                            progress = true
                        } else {
                            index += run
                        }
                    }
                    run /= 2
                }
            }
            // Single indented lines (with what is indented under them).
            for file in [nil] + current.parts.keys.sorted().map(Optional.some) {
                var index = 0
                while index < lines(of: current, file).count, tries < budget {
                    let all = lines(of: current, file)
                    guard all[index].hasPrefix(" ") else {
                        index += 1
                        continue
                    }
                    let end = blockEnd(all, from: index)
                    var candidate = current
                    set(&candidate, file, Array(all[..<index] + all[end...]))
                    if attempt(candidate) {
                        current = candidate
                        progress = true
                    } else {
                        index += 1
                    }
                }
            }
            // Texts: keep the first or the second half of the words after the colon.
            for file in [nil] + current.parts.keys.sorted().map(Optional.some) {
                for index in lines(of: current, file).indices where tries < budget {
                    let line = lines(of: current, file)[index]
                    guard let colon = line.range(of: ": ") else { continue }
                    let words = line[colon.upperBound...].split(separator: " ", omittingEmptySubsequences: false)
                    guard words.count > 1 else { continue }
                    let half = words.count / 2
                    for part in [words[..<half], words[half...]] {
                        var candidate = current
                        var all = lines(of: current, file)
                        all[index] = String(line[..<colon.upperBound]) + part.joined(separator: " ")
                        set(&candidate, file, all)
                        if attempt(candidate) {
                            current = candidate
                            progress = true
                            break
                        }
                    }
                }
            }
        }
        return current
    }

    private static func lines(of model: GeneratedModel, _ file: String?) -> [String] {
        file.map { model.parts[$0] ?? [] } ?? model.lines
    }

    private static func set(_ model: inout GeneratedModel, _ file: String?, _ lines: [String]) {
        if let file { model.parts[file] = lines } else { model.lines = lines }
    }

    static func isHeader(_ block: [String]) -> Bool {
        block.first.map(isHeaderLine) ?? false
    }

    private static func isHeaderLine(_ line: String) -> Bool {
        let lowered = line.lowercased()
        return lowered.hasPrefix("programteori:") || lowered.hasPrefix("program theory:")
    }

    /// Top-level blocks: a line at column 0 and the indented or blank lines after it. The first
    /// block (the header) is kept by the callers' property: removing it fails `check`.
    static func blocks(_ lines: [String]) -> [[String]] {
        var blocks: [[String]] = []
        for line in lines {
            if line.hasPrefix(" ") || line.isEmpty, !blocks.isEmpty {
                blocks[blocks.count - 1].append(line)
            } else {
                blocks.append([line])
            }
        }
        return blocks
    }

    /// The index after the line at `start` and the lines indented deeper than it.
    private static func blockEnd(_ lines: [String], from start: Int) -> Int {
        let depth = lines[start].prefix { $0 == " " }.count
        var end = start + 1
        while end < lines.count, lines[end].isEmpty || lines[end].prefix(while: { $0 == " " }).count > depth { end += 1 }
        return end
    }
}

/// Shows a piece of user text inside a message: quoted, on one line, and never longer than a
/// person can read (a 1 MB line must not become a 1 MB message).
public func quoted(_ text: some StringProtocol, limit: Int = 60) -> String {
    var flat = ""
    var count = 0
    for character in text {
        if count == limit {
            flat += "…"
            break
        }
        flat.append(character.isNewline ? " " : (character == "\t" ? " " : character))
        count += 1
    }
    return "»\(flat)«"
}

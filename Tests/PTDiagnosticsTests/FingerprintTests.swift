@testable import PTDiagnostics
import PTSource
import Testing

/// GitHub's upload action warns for every result whose `primaryLocationLineHash` differs from the
/// one it computes, so ours must be the same. The expected values are what the algorithm in
/// github/codeql-action (src/fingerprints.ts) gives for these inputs: the first ones are from its
/// own test suite, the last two were computed by running that code on Danish text.
@Suite("Fingerprints")
struct FingerprintTests {
    static let knownAnswers: [(input: String, hashes: [String])] = [
        ("", ["c129715d7a2bc9a3:1"]),
        (" a\nb\n  \t\tc\n d", ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]),
        (" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End",
         ["8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1"]),
        (" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
         ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]),
        (" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
         ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]),
        (" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
         ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]),
        (String(repeating: "Lorem ipsum dolor sit amet.\n", count: 10),
         ["a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5",
          "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"]),
        // A byte-order mark, an emoji (two UTF-16 units), æøå, CRLF, a tab and a line over 100 characters.
        ("\u{FEFF}programteori: Unge i job 😀\n\n  aktivitet A1: Mentorforløb for æøå-unge\n    fører til: D3\r\n  delmål D2: Flere i uddannelse\n"
            + String(repeating: "x", count: 150) + "\n\tslut",
         ["5497cb86e25ae585:1", "8d7a164086b24193:1", "7a85114d78a2e84d:1", "a2da1d283e77d912:1", "fb24e84dea4b76b7:1", "52b56201ffb58620:1", "b0f1693e45791903:1"]),
        ("programteori: To ens\n  delmål D1: Samme\n  delmål D1: Samme\n  delmål D1: Samme\n",
         ["343cd8c58ef17a24:1", "fa5e274b596b25f4:1", "901b07e08d9d1add:1", "b672fcfd6d0d8412:1", "c129715d7a2bc9a3:1"]),
    ]

    @Test("Line hashes equal GitHub's for every line", arguments: 0..<knownAnswers.count)
    func gitHubLineHashes(case index: Int) {
        let (input, expected) = Self.knownAnswers[index]
        let hashes = Fingerprints.gitHubLineHashes(of: SourceFile(path: "x.pt", text: input))
        let actual = (1...expected.count).map { hashes[$0] ?? "missing" }
        #expect(actual == expected)
        #expect(hashes.count == expected.count)
    }

    @Test("Our own hash ignores indentation but not the code, file or text")
    func ownHash() {
        let base = Fingerprints.ownHash(code: "PT201", path: "a.pt", lineText: "    fører til: D3")
        #expect(base.count == 16)
        #expect(Fingerprints.ownHash(code: "PT201", path: "a.pt", lineText: "\tfører  til:   D3 ") == base)
        #expect(Fingerprints.ownHash(code: "PT202", path: "a.pt", lineText: "    fører til: D3") != base)
        #expect(Fingerprints.ownHash(code: "PT201", path: "b.pt", lineText: "    fører til: D3") != base)
        #expect(Fingerprints.ownHash(code: "PT201", path: "a.pt", lineText: "    fører til: D4") != base)
    }
}

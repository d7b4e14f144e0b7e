import SMSWorld

/// What the simulated gateway says that a well-behaved one would not, so that a client
/// can be tested against a hostile or broken server. Unlike a ``FaultPlan`` these hold
/// for every request: the world and the bodies themselves are odd.
package struct OddityPlan: Sendable, Hashable {
    /// The text written as every page's `count` (`--count`), a JSON number such as
    /// `1000000000000000000` or `-5`; nil for the true count.
    package let countLiteral: String?
    /// True when `GET /api/batch-ids` answers 404 with Django's default body
    /// `{"detail":"Not found."}` instead of its documented `{"error": …}`
    /// (`--batch-ids-undocumented-404`).
    package let undocumentedBatchIDsNotFound: Bool
    /// True to rename the world's first batches to ``oddBatchIDs`` (`--odd-batch-ids`).
    package let oddBatchIDs: Bool
    /// True to put control characters (U+0001, U+000B, U+001F) in some message texts
    /// and client names, and in every error body (`--control-characters`).
    package let controlCharacters: Bool

    /// Nothing odd.
    package static let none = OddityPlan(checkedCountLiteral: nil, undocumentedBatchIDsNotFound: false,
                                        oddBatchIDs: false, controlCharacters: false)

    /// The ids that ``oddBatchIDs`` gives the world's first batches, in order: dot
    /// segments, a hidden-file name, and 120 Devanagari characters (360 bytes of UTF-8,
    /// far past a file-name limit once percent-encoded).
    package static let oddBatchIDs = ["..", ".", ".hidden", longDevanagariID]

    /// 120 Devanagari characters.
    package static let longDevanagariID: String = {
        let letters = Array("कखगघचछजझटठडढणतथदधनपफबभमयरलवशसह".unicodeScalars)
        var id = String.UnicodeScalarView()
        for index in 0..<120 {
            id.append(letters[index % letters.count])
        }
        return String(id)
    }()

    /// The control characters ``controlCharacters`` puts in texts.
    static let controlText = "\u{1}\u{B}\u{1F}"

    /// A plan; `countLiteral`, when given, must be a JSON number.
    package init(countLiteral: String? = nil, undocumentedBatchIDsNotFound: Bool = false, oddBatchIDs: Bool = false,
                controlCharacters: Bool = false) throws(SimulatorOptionError) {
        if let countLiteral {
            guard (try? /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.wholeMatch(in: countLiteral)) != nil else {
                throw SimulatorOptionError("--count must be a JSON number, not \(countLiteral)")
            }
        }
        self.init(checkedCountLiteral: countLiteral, undocumentedBatchIDsNotFound: undocumentedBatchIDsNotFound,
                  oddBatchIDs: oddBatchIDs, controlCharacters: controlCharacters)
    }

    private init(checkedCountLiteral countLiteral: String?, undocumentedBatchIDsNotFound: Bool, oddBatchIDs: Bool,
                 controlCharacters: Bool) {
        self.countLiteral = countLiteral
        self.undocumentedBatchIDsNotFound = undocumentedBatchIDsNotFound
        self.oddBatchIDs = oddBatchIDs
        self.controlCharacters = controlCharacters
    }

    /// `world` with the odd batch ids and texts of this plan; the ground truth follows.
    func apply(to world: World) -> World {
        guard oddBatchIDs || controlCharacters else { return world }
        let renamed = oddBatchIDs
            ? Dictionary(zip(world.batches.map(\.id), Self.oddBatchIDs), uniquingKeysWith: { first, _ in first })
            : [:]
        return world.editing { index, message in
            if let batchID = message.batchID, let oddID = renamed[batchID] {
                message.batchID = oddID
            }
            if controlCharacters, index % 5 == 0 {
                message.text += " " + Self.controlText
                if !message.recipients.isEmpty {
                    message.recipients[0].clientName = "Ram\(Self.controlText)Thapa"
                }
            }
        }
    }

    /// The answer as this plan has the gateway send it.
    func adjust(_ answer: JSONAnswer, to request: APIRequest) -> JSONAnswer {
        var answer = answer
        if request == .batchIDs, undocumentedBatchIDsNotFound, answer.status.code < 500 {
            answer = .message(.notFound, key: "detail", "Not found.")
        }
        if let countLiteral, request.kind == .pages, answer.status == .ok {
            answer.body = Self.replacingCount(in: answer.body, with: countLiteral)
        }
        if controlCharacters, answer.status.code >= 400 {
            answer.body = Self.addingControlCharacters(toErrorBody: answer.body)
        }
        return answer
    }

    /// A page body, which starts `{"count":N,`, with `literal` for N.
    private static func replacingCount(in body: [UInt8], with literal: String) -> [UInt8] {
        let prefix = Array("{\"count\":".utf8)
        guard body.starts(with: prefix), let comma = body[prefix.count...].firstIndex(of: UInt8(ascii: ",")) else {
            return body
        }
        return prefix + Array(literal.utf8) + body[comma...]
    }

    /// An error body `{"key":"message"}` whose message ends with escaped control characters.
    private static func addingControlCharacters(toErrorBody body: [UInt8]) -> [UInt8] {
        let end = Array("\"}".utf8)
        guard body.count > end.count, body.suffix(end.count).elementsEqual(end) else { return body }
        return body.dropLast(end.count) + Array(#"\u0001\u000b\u001f"}"#.utf8)
    }
}

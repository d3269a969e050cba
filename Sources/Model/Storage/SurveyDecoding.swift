import Foundation

/// Turns the bytes of a `.gongkai` file into a `Survey`, or into a `SurveyFileError` that says
/// where and what the problem is. Checks run cheapest first: size, emptiness, UTF-8, JSON syntax,
/// the envelope (format, version), and last the survey's own types. Locating an error in the text
/// (line, column, JSON path) happens only on the failure path.
enum SurveyDecoding {
    /// A coding key for the envelope's "survey" member, the start of every coding path.
    struct NamedKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, source: String) throws -> Survey {
        try decode(bytes, source: source, splitting: true)
    }

    /// `splitting`: parse the record lists on several cores (`JSONParser.parse(_:splitDepth:)`).
    /// Their elements are then on tapes of their own, where a decoding error cannot be located in
    /// the file; so after such an error the text is parsed again without splitting and decoded
    /// again, which throws the same error with its place.
    static func decode(_ bytes: UnsafeRawBufferPointer, source: String, splitting: Bool) throws -> Survey {
        var raw = bytes
        /// An error at byte `offset` of `text` (the whole file, or the part after a byte order mark).
        func failure(_ kind: SurveyFileError.Kind, at offset: Int? = nil, in text: UnsafeRawBufferPointer? = nil) -> SurveyFileError {
            var error = SurveyFileError(kind: kind, file: source)
            if let offset {
                let text = text ?? raw
                let position = JSONLocation.position(ofByte: offset, in: text)
                error.line = position.line
                error.column = position.column
                if let textStart = text.baseAddress, let fileStart = bytes.baseAddress {
                    error.byteOffset = offset + fileStart.distance(to: textStart)
                } else {
                    error.byteOffset = offset
                }
            }
            return error
        }

        guard Int64(raw.count) <= SurveyFile.maxFileSize else {
            var error = failure(.tooLarge)
            error.size = Int64(raw.count)
            throw error
        }
        if let bad = UTF8Validation.firstInvalidByte(in: raw) {
            if UTF8Validation.isCutShort(at: bad, in: raw) {
                // Cut off in the middle of a character: drop the partial character, so that the
                // parser reports the file as cut off, which is what it is.
                raw = UnsafeRawBufferPointer(rebasing: raw[..<bad])
            } else {
                var error = failure(.invalidUTF8, at: bad)
                error.found = UTF8Validation.describeBytes(at: bad, in: raw)
                throw error
            }
        }
        // A byte order mark is allowed (some editors add one); it does not count as a column.
        let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
        let text = hasBOM ? UnsafeRawBufferPointer(rebasing: raw[3...]) : raw
        guard let first = text.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw failure(.empty)
        }
        guard text[first] == UInt8(ascii: "{") else {
            var error = failure(.notGongkaiFile, at: first, in: text)
            error.detail = tr("it does not begin with '{' (found %1 at line %2, column %3)",
                              JSONLocation.describeCharacter(at: first, in: text), error.line ?? 0, error.column ?? 0)
            throw error
        }

        let tape: JSONTape
        do {
            // The envelope is open, then the survey: its record lists are opened at depth 2.
            tape = try JSONParser.parse(text, splitDepth: splitting ? 2 : -1)
        } catch let syntax as JSONSyntaxError {
            throw describe(syntax, in: text) { failure($0, at: $1, in: text) }
        }

        // The envelope: {"format": "gongkai-survey", "version": 1, "survey": {...}}.
        guard let format = tape.member("format", inObject: 0) else {
            var error = failure(.notGongkaiFile)
            error.detail = tr("it has no \"format\" field (a Gongkai survey file has \"format\": \"%1\")", SurveyFile.formatName)
            throw error
        }
        guard tape.nodes[format].kind == .string, tape.string(at: format) == SurveyFile.formatName else {
            var error = failure(.notGongkaiFile, at: tape.tokenStart(format), in: text)
            error.path = "format"
            error.found = tape.describeValue(format)
            error.detail = tr("its \"format\" is %1 at line %2, not \"%3\"", error.found ?? "", error.line ?? 0, SurveyFile.formatName)
            throw error
        }
        guard let versionNode = tape.member("version", inObject: 0) else {
            var error = failure(.invalidVersion)
            error.path = "version"
            error.detail = tr("the \"version\" field is missing")
            throw error
        }
        let versionText = tape.nodes[versionNode].kind == .number ? String(tape.numberText(at: versionNode)) : ""
        guard versionText.allSatisfy(\.isASCII), let version = Int(versionText), version >= 1 else {
            var error = failure(.invalidVersion, at: tape.tokenStart(versionNode), in: text)
            error.path = "version"
            error.expected = tr("a whole number of 1 or more, such as 1")
            error.found = tape.describeValue(versionNode)
            throw error
        }
        guard version <= SurveyFile.currentVersion else {
            var error = failure(.newerVersion, at: tape.tokenStart(versionNode), in: text)
            error.path = "version"
            error.version = version
            throw error
        }
        guard let surveyNode = tape.member("survey", inObject: 0) else {
            var error = failure(.missingKey, at: 0, in: text)
            error.path = "survey"
            error.found = "survey"
            throw error
        }
        for keyNode in tape.keyNodes(ofObject: 0) {
            let key = tape.string(at: keyNode)
            guard key != "format" && key != "version" && key != "survey" else { continue }
            var error = failure(.unknownKey, at: tape.tokenStart(keyNode), in: text)
            error.path = JSONLocation.format([NamedKey(key)])
            error.found = key
            throw error
        }

        do {
            return try TapeDecoder.decode(Survey.self, tape: tape, node: surveyNode, basePath: [NamedKey("survey")])
        } catch let error as DecodingError {
            if !tape.splitArrays.isEmpty { return try decode(bytes, source: source, splitting: false) }
            throw describe(error, tape: tape) { failure($0, at: $1, in: text) }
        } catch let unknown as UnknownKeyError {
            if !tape.splitArrays.isEmpty { return try decode(bytes, source: source, splitting: false) }
            let (object, _) = tape.locate(unknown.codingPath.map(JSONPathComponent.init))
            let keyNode = tape.nodes[object].kind == .object ? tape.member(unknown.key, inObject: object).map { $0 - 1 } : nil
            var error = failure(.unknownKey, at: tape.tokenStart(keyNode ?? object), in: text)
            error.path = JSONLocation.format(unknown.codingPath + [NamedKey(unknown.key)])
            error.found = unknown.key
            throw error
        } catch is NeedsWholeTape {
            return try decode(bytes, source: source, splitting: false)
        }
    }

    // MARK: - Describing failures

    private static func describe(_ syntax: JSONSyntaxError, in text: UnsafeRawBufferPointer,
                                 _ make: (SurveyFileError.Kind, Int) -> SurveyFileError) -> SurveyFileError {
        var error: SurveyFileError
        switch syntax.problem {
        case .unexpectedEnd(let expected):
            error = make(.truncatedJSON, syntax.offset)
            error.expected = expected.phrase
            if syntax.openContainers > 0 { error.openContainers = syntax.openContainers }
        case .unexpectedCharacter(let expected):
            error = make(.malformedJSON, syntax.offset)
            error.expected = expected.phrase
            error.found = JSONLocation.describeCharacter(at: syntax.offset, in: text)
        case .badString(let problem):
            error = make(.malformedJSON, syntax.offset)
            error.detail = problem.clause
        case .badNumber:
            error = make(.malformedJSON, syntax.offset)
            error.expected = tr("a number such as 12, -3 or 1.5")
            error.found = JSONLocation.describeCharacter(at: syntax.offset, in: text)
            error.detail = tr("a number is malformed (found %1 where a digit belongs)", error.found ?? "")
        case .duplicateKey(let key):
            error = make(.duplicateKey, syntax.offset)
            error.found = key
        }
        error.path = JSONLocation.format(syntax.path)
        return error
    }

    private static func describe(_ decoding: DecodingError, tape: JSONTape,
                                 _ make: (SurveyFileError.Kind, Int) -> SurveyFileError) -> SurveyFileError {
        func locate(_ codingPath: [CodingKey]) -> Int {
            tape.tokenStart(tape.locate(codingPath.map(JSONPathComponent.init)).node)
        }
        switch decoding {
        case .keyNotFound(let key, let context):
            var error = make(.missingKey, locate(context.codingPath))
            error.path = JSONLocation.format(context.codingPath + [key])
            error.found = key.stringValue
            return error
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let (node, matched) = tape.locate(context.codingPath.map(JSONPathComponent.init))
            var error = make(.wrongType, tape.tokenStart(node))
            error.path = JSONLocation.format(context.codingPath)
            error.expected = phrase(for: type)
            error.found = matched == context.codingPath.count ? tape.describeValue(node) : tr("nothing")
            if matched < context.codingPath.count { error.detail = context.debugDescription }
            return error
        case .dataCorrupted(let context):
            let (node, _) = tape.locate(context.codingPath.map(JSONPathComponent.init))
            var error = make(.invalidValue, tape.tokenStart(node))
            error.path = JSONLocation.format(context.codingPath)
            error.found = JSONLocation.excerpt(at: tape.tokenStart(node), length: tape.tokenLength(node), in: tape.bytes)
            if let allowed = KnownValues.allowed(forEnumIn: context.debugDescription) {
                error.expected = allowed.joined(separator: ", ")
            } else {
                error.detail = context.debugDescription
            }
            return error
        @unknown default:
            var error = make(.invalidValue, 0)
            error.detail = String(describing: decoding)
            return error
        }
    }

    /// How a reader would name the type a value should have had, in the interface language.
    static func phrase(for type: Any.Type) -> String {
        switch type {
        case is String.Type: return tr("text")
        case is Bool.Type: return tr("true or false")
        case is Int.Type, is Int8.Type, is Int16.Type, is Int32.Type, is Int64.Type,
             is UInt.Type, is UInt8.Type, is UInt16.Type, is UInt32.Type, is UInt64.Type: return tr("a whole number")
        case is Double.Type, is Float.Type: return tr("a number")
        case is [String: Any].Type: return tr("an object ({…})")
        case is [Any].Type: return tr("a list ([…])")
        default: return tr("a value of type %1", "\(type)")
        }
    }
}

/// The allowed values of the survey's enumerations, to name them when a file holds another.
enum KnownValues {
    private static func entry<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> (String, [String]) {
        (String(describing: type), type.allCases.map { "\($0.rawValue)" })
    }

    private static let table: [String: [String]] = Dictionary(uniqueKeysWithValues: [
        entry(DisclosureKind.self), entry(DisclosureStatus.self), entry(AuditType.self), entry(Reason.self),
        entry(EvidenceMethod.self), entry(DisclosureItem.self), entry(Channel.self), entry(PhoneOutcome.self),
        entry(Completeness.self), entry(JurisdictionKind.self), entry(Region.self), entry(SubUnitKind.self),
        entry(RegulationLevel.self), entry(RegulationStatus.self),
    ])

    /// The standard library reports a bad raw value as "Cannot initialize TYPE from invalid String
    /// value VALUE"; this finds TYPE's allowed values, if it is one of ours.
    static func allowed(forEnumIn description: String) -> [String]? {
        let prefix = "Cannot initialize "
        guard description.hasPrefix(prefix), let end = description.range(of: " from invalid ") else { return nil }
        return table[String(description[description.index(description.startIndex, offsetBy: prefix.count)..<end.lowerBound])]
    }
}

import Foundation

/// A date known to the year, the month or the day: "2012", "2016-07", "2016-07-01".
public struct PartialDate: Codable, Equatable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]), y > 0 else { return nil }
        var m: Int?
        var d: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let v = Int(parts[1]), (1...12).contains(v) else { return nil }
            m = v
        }
        if parts.count == 3 {
            guard let month = m, parts[2].count == 2, let v = Int(parts[2]), (1...PartialDate.daysIn(month: month, year: y)).contains(v) else { return nil }
            d = v
        }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        var s = pad(year, 4)
        if let month { s += "-" + pad(month, 2) }
        if let day { s += "-" + pad(day, 2) }
        return s
    }

    /// Earliest day this date may stand for, as (y, m, d).
    var lowerBound: (Int, Int, Int) { (year, month ?? 1, day ?? 1) }
    /// Latest day this date may stand for.
    var upperBound: (Int, Int, Int) { (year, month ?? 12, day ?? 31) }

    public static func < (a: PartialDate, b: PartialDate) -> Bool { a.lowerBound < b.lowerBound }

    /// True when `self` is certainly after `other` (no day both could stand for puts it before).
    public func isCertainlyAfter(_ other: PartialDate) -> Bool { lowerBound > other.upperBound }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let date = PartialDate(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: tr("expected a date such as “2016”, “2016-07” or “2016-07-01”, found “%1”", text))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

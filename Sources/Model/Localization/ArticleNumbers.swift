import Foundation

/// Article and clause numbers of Chinese laws and rules in English: 第十一条 → "Art. 11",
/// （一）至（三） → "(1)–(3)". Numbers it cannot read are kept as written.
public enum ArticleNumbers {
    /// "第十一条" → "Art. 11"; "第8条" → "Art. 8"; anything else unchanged.
    public static func english(article: String) -> String {
        guard article.hasPrefix("第"), article.hasSuffix("条"), article.count > 2,
              let n = number(String(article.dropFirst().dropLast())) else { return article }
        return "Art. \(n)"
    }

    /// "（一）至（三）" → "(1)–(3)"; "（二）" → "(2)": every full-width bracketed numeral becomes
    /// "(N)", 至 an en dash; anything else unchanged.
    public static func english(clause: String) -> String {
        var out = "", pending = "", inside = false
        for ch in clause {
            switch ch {
            case "（", "(":
                inside = true
                pending = ""
            case "）", ")":
                guard inside else { out.append(ch); continue }
                inside = false
                out += "(" + (number(pending).map(String.init) ?? pending) + ")"
            case "至" where !inside: out += "–"
            default: if inside { pending.append(ch) } else { out.append(ch) }
            }
        }
        return inside ? out + "(" + pending : out
    }

    /// A number written in Chinese numerals up to 999 (一, 十一, 二十, 一百零五) or in digits.
    static func number(_ text: String) -> Int? {
        if let n = Int(text) { return n }
        let digits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        var total = 0, current = 0, seen = false
        for ch in text {
            seen = true
            if let d = digits[ch] {
                current = d
            } else if ch == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
            } else if ch == "百" {
                total += (current == 0 ? 1 : current) * 100
                current = 0
            } else {
                return nil
            }
        }
        return seen ? total + current : nil
    }
}

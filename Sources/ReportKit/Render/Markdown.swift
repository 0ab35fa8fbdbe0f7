import Foundation

/// Markdown building blocks that keep text from logs literal: code spans and fences that no
/// backtick, pipe or `<script>` inside the text can break out of.
enum Markdown {
  /// `text` as an inline code span, on one line. In a table cell (`table`) pipes are escaped, as
  /// GFM requires there; elsewhere an escape would show, so they are left alone.
  static func code(_ text: String, limit: Int = 200, table: Bool = true) -> String {
    // Text with no line break (most of it) is not searched for one three times over.
    let breaks = text.utf8.contains { $0 == 0x0D || $0 == 0x0A }
    var t = breaks ? text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ⏎ ") : text
    if t.count > limit { t = String(t.prefix(limit)) + "…" }
    if table && t.utf8.contains(UInt8(ascii: "|")) { t = t.replacingOccurrences(of: "|", with: "\\|") }
    if t.isEmpty { return "" }
    let ticks = String(repeating: "`", count: longestRun(of: "`", in: t) + 1)
    let pad = t.hasPrefix("`") || t.hasSuffix("`") ? " " : ""
    return ticks + pad + t + pad + ticks
  }

  /// `text` as a fenced code block.
  static func fence(_ text: String, info: String = "") -> String {
    let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
    return fence + info + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + fence
  }

  /// Plain text for prose: Markdown and HTML metacharacters escaped, line breaks made spaces,
  /// and anything GFM would turn into a link by itself (`https://…`, `www.…`, `a@b.c`) put in a
  /// code span: text from a log never becomes a live link.
  static func text(_ s: String) -> String {
    var out = ""
    var word = ""
    func flush() {
      guard !word.isEmpty else { return }
      if autolinks(word) {
        out += code(word, limit: .max, table: false)
      } else {
        for c in word {
          if "\\`*_[]<>|#&~".contains(c) { out.append("\\") }
          out.append(c)
        }
      }
      word = ""
    }
    for c in s {
      if c == " " || c == "\n" || c == "\r" || c == "\r\n" || c == "\t" {
        flush()
        out.append(" ")
      } else {
        word.append(c)
      }
    }
    flush()
    return out
  }

  /// Whether GFM's autolink extension would make a link of (part of) this word.
  static func autolinks(_ word: String) -> Bool {
    if word.utf8IsASCII {
      // By its bytes (a lower-cased copy and three Foundation searches per word of prose
      // otherwise); `@` and `.` never join another byte into a Character.
      return word.utf8Contains("://") || word.containsIgnoringASCIICase("www.")
        || (word.utf8Contains(byte: UInt8(ascii: "@"))
          && word.utf8.split(separator: UInt8(ascii: "@")).last?.contains(UInt8(ascii: ".")) == true)
    }
    let w = word.lowercased()
    return w.contains("://") || w.contains("www.") || (w.contains("@") && w.split(separator: "@").last?.contains(".") == true)
  }

  /// A phrase of the analysis: its code parts as code spans, its words as escaped text (words
  /// can carry log text too: a reason phrase, what a response body said).
  static func phrase(_ p: Phrase, table: Bool = false) -> String {
    p.parts.map { part in
      switch part {
      case .text(let t): text(t)
      case .code(let c): code(c, limit: .max, table: table)
      }
    }.joined()
  }

  private static func longestRun(of c: Character, in s: String) -> Int {
    var best = 0
    var run = 0
    for ch in s {
      run = ch == c ? run + 1 : 0
      best = max(best, run)
    }
    return best
  }
}

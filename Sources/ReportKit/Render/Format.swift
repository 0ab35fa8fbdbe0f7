import Foundation

/// How numbers read in reports: percentages, milliseconds, seconds.
enum Format {
  static func ms(_ v: Double?) -> String {
    guard let v else { return "n/a" }
    return v >= 100 ? String(format: "%.0f ms", v) : String(format: "%.1f ms", v)
  }

  static func seconds(_ v: Double) -> String { String(format: "%.2f s", v) }

  /// A fraction as a percentage with one decimal (`0.0769` → `7.7%`); `n/a` for nil.
  static func percent(_ rate: Double?) -> String {
    guard let rate else { return "n/a" }
    return JSONWriter.format(rate * 100, decimals: 1) + "%"
  }
}

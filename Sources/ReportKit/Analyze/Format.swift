import Foundation

/// How numbers read in reports: milliseconds, signed changes.
enum Format {
  static func ms(_ v: Double?) -> String {
    guard let v else { return "n/a" }
    return v >= 100 ? String(format: "%.0f ms", v) : String(format: "%.1f ms", v)
  }

  static func seconds(_ v: Double) -> String { String(format: "%.2f s", v) }
}

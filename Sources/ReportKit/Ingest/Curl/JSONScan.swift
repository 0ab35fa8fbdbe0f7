import Foundation

/// Parses one JSON object line (a `-w '%{json}'` output) with Foundation, tolerating anything else.
enum JSONScan {
  static func object(_ s: String) -> [String: Any]? {
    guard let data = s.data(using: .utf8),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return nil }
    return object
  }
}

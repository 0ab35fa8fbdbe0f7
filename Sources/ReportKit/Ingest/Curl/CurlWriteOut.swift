import Foundation

/// A `-w '%{json}'` object: the variables `report` reads of it. Any JSON object decodes (a field
/// of another type, or absent, is nil); anything else is not a write-out line.
struct CurlWriteOut: Decodable {
  var url_effective: String?
  var url: String?
  var method: String?
  var http_code: Int?
  var response_code: Int?
  var exitcode: Int?
  var errormsg: String?
  /// `time_namelookup` … `time_total`, in seconds, by phase name (`total`).
  var times: [String: Double] = [:]

  static let phases = ["namelookup", "connect", "appconnect", "pretransfer", "starttransfer", "total"]

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    func string(_ k: String) -> String? { try? c.decodeIfPresent(String.self, forKey: Key(stringValue: k)) }
    func int(_ k: String) -> Int? { try? c.decodeIfPresent(Int.self, forKey: Key(stringValue: k)) }
    url_effective = string("url_effective")
    url = string("url")
    method = string("method")
    http_code = int("http_code")
    response_code = int("response_code")
    exitcode = int("exitcode")
    errormsg = string("errormsg")
    for p in Self.phases {
      if let s = try? c.decodeIfPresent(Double.self, forKey: Key(stringValue: "time_" + p)) { times[p] = s }
    }
  }

  /// Parses one line; nil unless it is a JSON object.
  static func parse(_ s: String) -> CurlWriteOut? {
    guard s.utf8.first == UInt8(ascii: "{") else { return nil }
    return try? JSONDecoder().decode(CurlWriteOut.self, from: Data(s.utf8))
  }
}

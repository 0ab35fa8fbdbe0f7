import Foundation

/// `report history import`: earlier runs' report.json files, decoded through `ReportSchema`,
/// recorded as `report build` would have recorded them.
extension History {
  /// A run brought in from a report.json.
  public struct Imported: Sendable {
    public var path: String
    public var runKey: String
    public var tests: Int
    public var replaced: Bool
  }

  /// A report.json that could not be imported: unreadable, not JSON, or not `report/1`.
  public struct ImportError: Error, CustomStringConvertible {
    public var path: String
    public var why: String
    public var description: String { "\(path): not imported: \(why)" }
  }

  /// The report.json files `paths` hold: a report.json itself, a run folder with one, or a
  /// folder of run folders (`latest` and hidden folders skipped: they repeat a run), sorted.
  public static func reportFiles(in paths: [String]) -> (files: [String], empty: [String]) {
    let fm = FileManager.default
    var files: [String] = []
    var empty: [String] = []
    for path in paths {
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
        empty.append(path)
        continue
      }
      if !isDir.boolValue {
        files.append(path)
      } else if fm.fileExists(atPath: path + "/report.json") {
        files.append(path + "/report.json")
      } else {
        let runs = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") && $0 != "latest" }.sorted()
        let found = runs.map { path + "/" + $0 + "/report.json" }.filter { fm.fileExists(atPath: $0) }
        if found.isEmpty { empty.append(path) }
        files += found
      }
    }
    return (files, empty)
  }

  /// Records the run of one report.json; a run of the same id is replaced.
  public func importReport(_ path: String) throws -> Imported {
    let doc: ReportSchema.Document
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      doc = try JSONDecoder().decode(ReportSchema.Document.self, from: data)
    } catch {
      throw ImportError(path: path, why: "not a report.json of schema \(ReportSchema.readableNames)")
    }
    guard ReportSchema.readable.contains(doc.schema) else {
      throw ImportError(path: path, why: "schema \(doc.schema), not \(ReportSchema.readableNames)")
    }
    let record: HistoryRecord
    do { record = try HistoryRecord(document: doc) } catch { throw ImportError(path: path, why: "\(error)") }
    let replaced = try self.record(record)
    return Imported(path: path, runKey: doc.run_id, tests: doc.tests.count, replaced: replaced)
  }
}

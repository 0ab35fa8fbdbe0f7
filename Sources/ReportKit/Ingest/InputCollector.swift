import Foundation

/// Finds the files to read: the paths given, folders walked recursively in a stable order.
struct InputCollector {
  /// The files under `paths`, sorted; problems (missing paths) as diagnostics.
  static func collect(_ paths: [String]) -> (files: [InputFile], problems: [Diagnostic]) {
    let fm = FileManager.default
    var files: [InputFile] = []
    var problems: [Diagnostic] = []
    for given in paths {
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: given, isDirectory: &isDir) else {
        problems.append(Diagnostic(path: given, line: nil, message: "no such file or folder"))
        continue
      }
      guard isDir.boolValue else {
        files.append(InputFile(path: given, display: given))
        continue
      }
      guard let walker = fm.enumerator(atPath: given) else { continue }
      var found: [String] = []
      while let rel = walker.nextObject() as? String {
        let name = (rel as NSString).lastPathComponent
        if name.hasPrefix(".") {
          if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
          continue
        }
        if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { found.append(rel) }
      }
      let base = given.hasSuffix("/") ? String(given.dropLast()) : given
      for rel in found.sorted() { files.append(InputFile(path: base + "/" + rel, display: base + "/" + rel)) }
    }
    return (files, problems)
  }
}

/// One file to read: where it is and how reports name it.
struct InputFile: Equatable {
  /// Where to read it.
  var path: String
  /// How reports name it: relative to the working directory as the user typed it.
  var display: String
}

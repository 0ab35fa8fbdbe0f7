import Foundation

/// Finds the files to read: the paths given, folders walked recursively in a stable order.
struct InputCollector {
  /// The files under `paths`, sorted; problems (missing paths) as diagnostics.
  static func collect(_ paths: [String]) -> (files: [InputFile], problems: [Diagnostic]) {
    let fm = FileManager.default
    var files: [InputFile] = []
    var problems: [Diagnostic] = []
    for given in paths {
      switch Self.kind(of: given) {
      case .regular:
        files.append(InputFile(path: given, display: given))
        continue
      case .folder:
        break
      case .other(let why):
        problems.append(Diagnostic(path: given, line: nil, message: why))
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
        let type = walker.fileAttributes?[.type] as? FileAttributeType
        if type == .typeRegular {
          found.append(rel)
        } else if type != .typeDirectory {
          // A link to a file is read; a FIFO, socket, device or dangling link is named and skipped.
          let full = (given.hasSuffix("/") ? String(given.dropLast()) : given) + "/" + rel
          switch Self.kind(of: full) {
          case .regular where type == .typeSymbolicLink: found.append(rel)
          case .folder: break
          case .other(let why): problems.append(Diagnostic(path: full, line: nil, message: why))
          default: problems.append(Diagnostic(path: full, line: nil, message: "not a regular file; skipped"))
          }
        }
      }
      let base = given.hasSuffix("/") ? String(given.dropLast()) : given
      for rel in found.sorted() { files.append(InputFile(path: base + "/" + rel, display: base + "/" + rel)) }
    }
    return (files, problems)
  }
}

extension InputCollector {
  enum Kind: Equatable {
    case regular, folder
    /// Not readable as input, and why: missing, a symbolic link loop, a FIFO, a socket, a device.
    case other(String)
  }

  /// What a path given on the command line is, found without opening it (a FIFO would block).
  static func kind(of path: String) -> Kind {
    var st = stat()
    guard stat(path, &st) == 0 else {
      let code = errno
      if code == ELOOP { return .other("a loop of symbolic links; skipped") }
      if code == ENOENT {
        var link = stat()
        return lstat(path, &link) == 0 ? .other("a symbolic link to nothing; skipped") : .other("no such file or folder")
      }
      return .other("cannot be read (\(String(cString: strerror(code)))); skipped")
    }
    switch st.st_mode & S_IFMT {
    case S_IFREG: return .regular
    case S_IFDIR: return .folder
    case S_IFIFO: return .other("a FIFO (named pipe), not a regular file; skipped")
    case S_IFSOCK: return .other("a socket, not a regular file; skipped")
    case S_IFCHR, S_IFBLK: return .other("a device, not a regular file; skipped")
    default: return .other("not a regular file; skipped")
    }
  }
}

/// One file to read: where it is and how reports name it.
struct InputFile: Equatable {
  /// Where to read it.
  var path: String
  /// How reports name it: relative to the working directory as the user typed it.
  var display: String
}

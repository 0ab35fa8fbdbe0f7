/// Where a large curl log can be split: the start of a `+ curl ` line (a command echoed by
/// `set -x`) after the middle of the file.
enum CurlSplit {
  static func point(path: String, threshold: Int) -> (at: Int, size: Int)? {
    guard let size = SplitFile.size(of: path, threshold: threshold) else { return nil }
    let command = Array("+ curl ".utf8)
    let at = SplitFile.firstLine(in: path, from: size / 2) { $0.starts(with: command) }
    return at.map { ($0, size) }
  }
}

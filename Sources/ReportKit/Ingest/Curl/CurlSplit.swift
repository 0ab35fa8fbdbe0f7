/// Where a large curl log is cut into parts for the reading threads, each cut at a `+ curl `
/// line (a command echoed by `set -x`): two large parts first, one for each thread, then small
/// ones that whichever thread is free takes. A thread that runs slower (a busy core) takes fewer of them,
/// and the threads end within a small part of each other.
enum CurlSplit {
  /// The cuts, as fractions of the file in per mille: parts of 40%, 40%, then 2.5% each (with
  /// parts of 5%, the threads ended ~45 ms apart on 100k requests).
  static let cutPerMille = [400, 800, 825, 850, 875, 900, 925, 950, 975]

  /// The file offsets the parts begin at after the first (increasing, each a `+ curl ` line), and
  /// the file's size; nil when the file is not split (small, no such line after 40%).
  static func cuts(path: String, threshold: Int) -> (cuts: [Int], size: Int)? {
    guard let size = SplitFile.size(of: path, threshold: threshold) else { return nil }
    let command = Array("+ curl ".utf8)
    var cuts: [Int] = []
    for perMille in cutPerMille {
      let from = max(size / 1000 * perMille, cuts.last ?? 0)
      guard let at = SplitFile.firstLine(in: path, from: from, chunkSize: 64 << 10, where: { $0.starts(with: command) }) else { break }
      if at > (cuts.last ?? 0) { cuts.append(at) }
    }
    return cuts.isEmpty ? nil : (cuts, size)
  }
}

/// Where a reader puts the names of the tests it makes: appended to a chunk that a few thousand
/// names share. One allocation per chunk, where a name made alone costs a String and a
/// `NameStorage` (two allocations, two frees) and `NameCompactor` then copies it again.
///
/// Each reader has its own arena and only it appends, on the reader's thread, before any test
/// pointing into the chunk leaves the reader; from then on the chunk is only read.
struct NameArena {
  /// Bytes of names per chunk at most (a longer name gets a chunk of its own size).
  static let chunkBytes = 64 << 10
  /// The first chunk's size: each next one doubles, up to `chunkBytes`, so a file of a few
  /// hundred tests holds a few KiB, not 64 (2,000 such files read at once: 100 MiB more peak).
  static let firstChunkBytes = 1 << 10

  private var chunk: NameStorage?
  private var used = 0
  /// The capacity of the chunk in use.
  private var capacity = 0

  /// The chunk `name` is now stored in, and its offset there.
  mutating func place(_ name: Substring) -> (storage: NameStorage, offset: Int) {
    let n = name.utf8.count
    let storage: NameStorage
    if let current = chunk, used + n <= capacity {
      storage = current
    } else {
      capacity = max(chunk == nil ? Self.firstChunkBytes : min(capacity * 2, Self.chunkBytes), n)
      storage = NameStorage(capacity: capacity)
      chunk = storage
      used = 0
    }
    let offset = used
    storage.append(name)
    used += n
    return (storage, offset)
  }
}

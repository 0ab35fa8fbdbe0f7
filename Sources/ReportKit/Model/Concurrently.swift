import Foundation

/// Work cut into parts for the cores, and put back together in the order one thread would give.
enum Concurrently {
  /// `body(k)` for each `k` of `0..<count`, run by whichever worker is free, in one array by
  /// `k` (each result made where it is kept: no optional slot to unwrap and copy).
  static func results<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let out = UncheckedBuffer(buffer)
      DispatchQueue.concurrentPerform(iterations: count) { k in out.base.initializeElement(at: k, to: body(k)) }
      initialized = count  // every slot, by one worker each
    }
  }

  /// Part `w` of `0..<count` cut into `parts` runs of (almost) equal length, in order.
  static func part(_ w: Int, of parts: Int, in count: Int) -> Range<Int> {
    (count * w / parts)..<(count * (w + 1) / parts)
  }

  /// A stable merge of two runs each already in order, of `a` and `b` items: `take(false, i)`
  /// for the `i`th item of the first run, `take(true, j)` for the `j`th of the second, in merged
  /// order. `secondFirst(i, j)` says whether the second run's `j`th goes strictly before the
  /// first run's `i`th: among equal items, the first run's come first.
  static func merge(_ a: Int, _ b: Int, secondFirst: (Int, Int) -> Bool, take: (_ second: Bool, _ at: Int) -> Void) {
    var (x, y) = (0, 0)
    while x < a || y < b {
      if x == a || (y < b && secondFirst(x, y)) {
        take(true, y)
        y += 1
      } else {
        take(false, x)
        x += 1
      }
    }
  }
}

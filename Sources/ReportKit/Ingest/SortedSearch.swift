extension RandomAccessCollection where Index == Int {
  /// The first index whose element `isBelow` does not hold for, in a collection where it holds
  /// for a prefix only (a sorted array: the lower bound of a key), by halving.
  func partitionPoint(_ isBelow: (Element) -> Bool) -> Int {
    var (low, high) = (startIndex, endIndex)
    while low < high {
      let mid = (low + high) / 2
      if isBelow(self[mid]) { low = mid + 1 } else { high = mid }
    }
    return low
  }
}

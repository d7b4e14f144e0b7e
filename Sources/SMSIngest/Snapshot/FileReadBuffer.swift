#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory that files are read into, one file at a time, kept from one file to the
/// next: a snapshot is thousands of small files, and a fresh allocation for each
/// (which the kernel must also zero) costs more than parsing a small one.
///
/// A large file (`batch-ids.json` is tens of MB) is mapped instead of read: its bytes
/// are then the system's cached pages themselves, where reading would zero fresh
/// memory and copy every byte into it (on the 1M snapshot, 0.09 s of a core against
/// 0.005 s). The tool never rewrites a snapshot's file in place (`fetch` renames a
/// finished snapshot into place, and retention deletes whole folders, which leaves a
/// mapping intact). A page the disk fails to read (an I/O error) is found before the
/// bytes are handed on, and the file is then read, which reports the error; a file
/// that another program truncates while a report maps it stops the report with a bus
/// error where a read would have reported one.
///
/// One buffer belongs to one reading task; it is never shared.
package final class FileReadBuffer {
    /// Why a file could not be read.
    package enum Failure: Error {
        /// The file does not exist or may not be read.
        case cannotOpen
        /// Reading failed part way, with the system's reason.
        case cannotRead(String)
    }

    private var storage: UnsafeMutableRawBufferPointer
    /// The mapped file whose bytes the last read returned, if it was mapped.
    private var mapping: UnsafeRawBufferPointer?
    /// The size from which a file is mapped rather than read.
    private let mappingThreshold: Int

    /// A buffer of `capacity` bytes to start with; it grows to the largest file read
    /// below `mappingThreshold` bytes, and files of that size or more are mapped.
    package init(capacity: Int = 1 << 16, mappingThreshold: Int = 1 << 20) {
        storage = .allocate(byteCount: max(capacity, 1), alignment: 16)
        self.mappingThreshold = max(mappingThreshold, 1)
    }

    deinit {
        unmap()
        storage.deallocate()
    }

    /// Reads the whole file at `path`; the bytes stay valid until the next read.
    package func read(_ path: String) -> Result<UnsafeRawBufferPointer, Failure> {
        unmap()
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.cannotOpen) }
        defer { close(descriptor) }
        var status = stat()
        let size = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        if size >= mappingThreshold, let mapped = map(descriptor, size: size) {
            mapping = mapped
            return .success(mapped)
        }
        if size >= storage.count {
            grow(to: size + 1)
        }
        // The size is only a hint: a file that grows while it is read is read to its end.
        var count = 0
        while true {
            if count == storage.count {
                grow(to: storage.count * 2)
            }
            let added = systemRead(descriptor, storage.baseAddress! + count, storage.count - count)
            if added > 0 {
                count += added
            } else if added == 0 {
                return .success(UnsafeRawBufferPointer(rebasing: storage[..<count]))
            } else if errno != EINTR {
                return .failure(.cannotRead(String(cString: strerror(errno))))
            }
        }
    }

    /// Maps the file's first `size` bytes, read-only, with its pages brought in at once;
    /// nil when the system refuses, or when a page did not come in (the file is then
    /// read, and a read reports why).
    private func map(_ descriptor: Int32, size: Int) -> UnsafeRawBufferPointer? {
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let start = mmap(nil, size, PROT_READ, flags, descriptor, 0),
              start != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        #if os(Linux)
        guard Self.isResident(start, size: size) else {
            munmap(start, size)
            return nil
        }
        #endif
        return UnsafeRawBufferPointer(start: start, count: size)
    }

    #if os(Linux)
    /// True when every page of the mapping is in memory. Bringing a mapping's pages in
    /// passes over a page the disk failed to read (or one past the end of a file that
    /// shrank since its size was taken), and touching that page later would stop the
    /// process with a bus error where a read reports an error.
    private static func isResident(_ start: UnsafeMutableRawPointer, size: Int) -> Bool {
        let pageSize = Int(getpagesize())
        var pages = [UInt8](repeating: 0, count: (size + pageSize - 1) / pageSize)
        guard mincore(start, size, &pages) == 0 else { return false }
        return pages.allSatisfy { $0 & 1 != 0 }
    }
    #endif

    /// Releases the last mapped file, if any.
    private func unmap() {
        if let mapping, let start = mapping.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: start), mapping.count)
        }
        mapping = nil
    }

    /// Replaces the storage with a larger one holding the same bytes first.
    private func grow(to capacity: Int) {
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        larger.copyMemory(from: UnsafeRawBufferPointer(storage))
        storage.deallocate()
        storage = larger
    }
}

/// The system's `read(2)`, named apart from ``FileReadBuffer/read(_:)``.
private func systemRead(_ descriptor: Int32, _ destination: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, destination, count)
    #else
    Darwin.read(descriptor, destination, count)
    #endif
}

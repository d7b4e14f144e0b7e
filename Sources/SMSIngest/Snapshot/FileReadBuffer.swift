#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory that files are read into, one file at a time, kept from one file to the
/// next: a snapshot is thousands of small files, and a fresh allocation for each
/// (which the kernel must also zero) costs more than parsing a small one.
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

    /// A buffer of `capacity` bytes to start with; it grows to the largest file read.
    package init(capacity: Int = 1 << 16) {
        storage = .allocate(byteCount: max(capacity, 1), alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    /// Reads the whole file at `path`; the bytes stay valid until the next read.
    package func read(_ path: String) -> Result<UnsafeRawBufferPointer, Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.cannotOpen) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, Int(status.st_size) >= storage.count {
            grow(to: Int(status.st_size) + 1)
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

/*
 * The plain-C floor of `sms-report report --format csv` (issue 16).
 *
 * Reads every file of a snapshot folder (the same bytes sms-report reads: the
 * manifest, batch-ids, every page, every batch report, the metrics snapshot),
 * then writes, into OUT, one file for each file of REFERENCE (the output folder of
 * an sms-report run on that snapshot) with the same name and the same size, from
 * buffers of bytes already read: a temporary name, then a rename, as sms-report
 * writes. One process, one thread, no parsing and no formatting: what no report
 * can beat on this machine is reading plus writing the same bytes.
 *
 * Prints one line: read_s=… write_s=… bytes_read=… bytes_written=… files_read=…
 * files_written=… checksum=… (the checksum of the bytes read, so that the reads
 * cannot be optimised away).
 *
 * Build: cc -O2 -o csv_floor benchmarks/csv_floor.c
 * Usage: csv_floor SNAPSHOT REFERENCE OUT
 */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { CHUNK = 1 << 20 };

static unsigned char buffer[CHUNK];
static uint64_t bytes_read, files_read, checksum;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void fail(const char *what, const char *path) {
    fprintf(stderr, "csv_floor: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

/* Reads one regular file whole, in chunks, folding every 8th byte into the checksum. */
static int read_one(const char *path, const struct stat *info, int type, struct FTW *walk) {
    (void)info;
    (void)walk;
    if (type != FTW_F) return 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) fail("cannot open", path);
    ssize_t got;
    while ((got = read(fd, buffer, CHUNK)) > 0) {
        for (ssize_t i = 0; i < got; i += 8) checksum = checksum * 31 + buffer[i];
        bytes_read += (uint64_t)got;
    }
    if (got < 0) fail("cannot read", path);
    close(fd);
    files_read++;
    return 0;
}

/* Writes `size` bytes to OUT/name through a temporary name, then renames it. */
static void write_one(const char *out, const char *name, off_t size) {
    char final_path[4096], temp_path[4200];
    snprintf(final_path, sizeof final_path, "%s/%s", out, name);
    snprintf(temp_path, sizeof temp_path, "%s/.%s.tmp", out, name);
    int fd = open(temp_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) fail("cannot create", temp_path);
    off_t left = size;
    while (left > 0) {
        size_t piece = left < CHUNK ? (size_t)left : CHUNK;
        ssize_t put = write(fd, buffer, piece);
        if (put < 0) fail("cannot write", temp_path);
        left -= put;
    }
    if (close(fd) != 0) fail("cannot close", temp_path);
    if (rename(temp_path, final_path) != 0) fail("cannot rename", temp_path);
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: csv_floor SNAPSHOT REFERENCE OUT\n");
        return 2;
    }
    const char *snapshot = argv[1], *reference = argv[2], *out = argv[3];

    double started = now();
    if (nftw(snapshot, read_one, 64, FTW_PHYS) != 0) fail("cannot walk", snapshot);
    double read_done = now();

    if (mkdir(out, 0755) != 0 && errno != EEXIST) fail("cannot create", out);
    DIR *dir = opendir(reference);
    if (!dir) fail("cannot open", reference);
    uint64_t bytes_written = 0, files_written = 0;
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.') continue;
        char path[4096];
        struct stat info;
        snprintf(path, sizeof path, "%s/%s", reference, entry->d_name);
        if (stat(path, &info) != 0) fail("cannot stat", path);
        if (!S_ISREG(info.st_mode)) continue;
        write_one(out, entry->d_name, info.st_size);
        bytes_written += (uint64_t)info.st_size;
        files_written++;
    }
    closedir(dir);
    double write_done = now();

    printf("read_s=%.3f write_s=%.3f bytes_read=%llu bytes_written=%llu files_read=%llu files_written=%llu "
           "checksum=%llu\n",
           read_done - started, write_done - read_done, (unsigned long long)bytes_read,
           (unsigned long long)bytes_written, (unsigned long long)files_read, (unsigned long long)files_written,
           (unsigned long long)checksum);
    return 0;
}

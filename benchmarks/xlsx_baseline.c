/*
 * The XLSX benchmark's baseline: a plain C program that writes the deliveries
 * table with libxlsxwriter alone, in constant_memory mode, with the same cell types
 * and formats as `sms-report report --format xlsx` (dates and date-times as Excel
 * serials in the CSV's local time, latency as a number with 3 decimals, segments as
 * an integer, every other column as a string; a bold, filled header; a frozen top
 * row; an autofilter; column widths; a new sheet past 1,048,575 data rows).
 *
 * It reads the rows from the deliveries.csv that the report wrote. The whole CSV
 * is read and split into fields first, untimed, so that the time printed is
 * libxlsxwriter's work and nothing else.
 *
 * Build: cc -O2 -o xlsx_baseline xlsx_baseline.c $(pkg-config --cflags --libs xlsxwriter)
 * Usage: xlsx_baseline DELIVERIES_CSV OUT_XLSX
 * Prints: rows=N parse_s=S write_s=S
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#define COLUMNS 14
#define DATA_ROWS_PER_SHEET 1048575
#define MAX_WIDTH 60.0
#define MAX_CELL_CHARACTERS 32767

enum kind { TEXT, DAY, TIMESTAMP, SECONDS, INTEGER };

static const enum kind kinds[COLUMNS] = {
    DAY, TIMESTAMP, TIMESTAMP, SECONDS, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, INTEGER,
};

/* One field of the CSV: a NUL-terminated string inside the unquoted buffer. */
typedef struct {
    char **fields;
    size_t rows;
} table;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *read_file(const char *path, size_t *size) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); exit(1); }
    fseek(file, 0, SEEK_END);
    *size = (size_t)ftell(file);
    fseek(file, 0, SEEK_SET);
    char *bytes = malloc(*size + 1);
    if (!bytes || fread(bytes, 1, *size, file) != *size) { perror(path); exit(1); }
    bytes[*size] = '\0';
    fclose(file);
    return bytes;
}

/* Splits RFC 4180 CSV in place: fields become NUL-terminated, quotes removed. */
static table split_csv(char *bytes, size_t size) {
    size_t capacity = 1 << 20;
    table result = { malloc(capacity * sizeof(char *)), 0 };
    size_t count = 0;
    char *read = bytes, *end = bytes + size;
    while (read < end) {
        if (count == capacity) {
            capacity *= 2;
            result.fields = realloc(result.fields, capacity * sizeof(char *));
        }
        char *start = read, *write = read;
        if (*read == '"') {
            read++;
            for (;;) {
                if (*read == '"' && read[1] == '"') { *write++ = '"'; read += 2; }
                else if (*read == '"') { read++; break; }
                else *write++ = *read++;
            }
        } else {
            while (read < end && *read != ',' && *read != '\n') *write++ = *read++;
        }
        char separator = *read;
        *write = '\0';
        read++;
        result.fields[count++] = start;
        if (separator == '\n' && count % COLUMNS != 0) { fprintf(stderr, "ragged CSV row\n"); exit(1); }
    }
    result.rows = count / COLUMNS - 1;
    return result;
}

static long two(const char *s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long days_from_civil(long y, long m, long d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The Excel serial of `YYYY-MM-DD[THH:MM:SS.ffffff…]`, read as local wall-clock time. */
static double excel_serial(const char *s) {
    long days = days_from_civil(two(s) * 100 + two(s + 2), two(s + 5), two(s + 8));
    double seconds = 0;
    if (s[10] == 'T') {
        long micro = 0;
        for (int i = 20; i < 26; i++) micro = micro * 10 + (s[i] - '0');
        seconds = two(s + 11) * 3600 + two(s + 14) * 60 + two(s + 17) + micro / 1e6;
    }
    return days + 25569 + seconds / 86400.0;
}

/* A text cell as received: the CSV's formula guard (a leading ') removed, and cut
 * to Excel's 32,767 characters (UTF-8 code points) as the report cuts it. */
static const char *cell_text(char *s) {
    if (s[0] == '\'' && s[1] && strchr("=+-@\t\r", s[1])) s++;
    size_t characters = 0;
    for (char *p = s; *p; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80 && ++characters > MAX_CELL_CHARACTERS) {
            *p = '\0';
            break;
        }
    }
    return s;
}

static void check(lxw_error error, const char *what) {
    if (error) { fprintf(stderr, "%s: %s\n", what, lxw_strerror(error)); exit(1); }
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s DELIVERIES_CSV OUT_XLSX\n", argv[0]); return 2; }
    double parse_start = now();
    size_t size;
    char *bytes = read_file(argv[1], &size);
    table csv = split_csv(bytes, size);
    double write_start = now();

    char folder[4096];
    snprintf(folder, sizeof folder, "%s", argv[2]);
    char *slash = strrchr(folder, '/');
    if (slash) *slash = '\0'; else snprintf(folder, sizeof folder, ".");
    lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = folder, .use_zip64 = LXW_TRUE };
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    if (!workbook) { fprintf(stderr, "cannot create workbook\n"); return 1; }

    lxw_format *header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_bg_color(header, 0xD9E1F2);
    format_set_bottom(header, LXW_BORDER_THIN);
    lxw_format *formats[COLUMNS] = { 0 };
    lxw_format *day = workbook_add_format(workbook);
    format_set_num_format(day, "yyyy-mm-dd");
    lxw_format *timestamp = workbook_add_format(workbook);
    format_set_num_format(timestamp, "yyyy-mm-dd hh:mm:ss.000");
    lxw_format *seconds = workbook_add_format(workbook);
    format_set_num_format(seconds, "0.000");
    lxw_format *integer = workbook_add_format(workbook);
    format_set_num_format(integer, "#,##0");
    for (int c = 0; c < COLUMNS; c++) {
        formats[c] = kinds[c] == DAY ? day : kinds[c] == TIMESTAMP ? timestamp
                   : kinds[c] == SECONDS ? seconds : kinds[c] == INTEGER ? integer : NULL;
    }

    /* Column widths from the header and the first rows, as the report does. */
    double widths[COLUMNS];
    for (int c = 0; c < COLUMNS; c++) {
        widths[c] = strlen(csv.fields[c]) + 3;
        for (size_t r = 1; r <= csv.rows && r <= 1000; r++) {
            double width = kinds[c] == TIMESTAMP ? 23 : (double)strlen(csv.fields[r * COLUMNS + c]);
            if (width + 2 > widths[c]) widths[c] = width + 2;
        }
        if (widths[c] > MAX_WIDTH) widths[c] = MAX_WIDTH;
    }

    lxw_worksheet *sheet = NULL;
    size_t sheet_row = 0;
    int sheets = 0;
    for (size_t r = 0; r < csv.rows; r++) {
        if (r % DATA_ROWS_PER_SHEET == 0) {
            char name[32];
            sheets++;
            if (sheets == 1) snprintf(name, sizeof name, "deliveries");
            else snprintf(name, sizeof name, "deliveries (%d)", sheets);
            sheet = workbook_add_worksheet(workbook, name);
            if (!sheet) { fprintf(stderr, "cannot add sheet %s\n", name); return 1; }
            size_t rows_here = csv.rows - r < DATA_ROWS_PER_SHEET ? csv.rows - r : DATA_ROWS_PER_SHEET;
            for (int c = 0; c < COLUMNS; c++) {
                check(worksheet_set_column(sheet, c, c, widths[c], NULL), "set_column");
                check(worksheet_write_string(sheet, 0, c, csv.fields[c], header), "header");
            }
            worksheet_freeze_panes(sheet, 1, 0);
            check(worksheet_autofilter(sheet, 0, 0, rows_here, COLUMNS - 1), "autofilter");
            sheet_row = 1;
        }
        char **row = csv.fields + (r + 1) * COLUMNS;
        for (int c = 0; c < COLUMNS; c++) {
            char *field = row[c];
            if (!field[0]) continue;
            switch (kinds[c]) {
            case TEXT:
                check(worksheet_write_string(sheet, sheet_row, c, cell_text(row[c]), NULL), "string");
                break;
            case DAY:
            case TIMESTAMP:
                check(worksheet_write_number(sheet, sheet_row, c, excel_serial(field), formats[c]), "date");
                break;
            case SECONDS:
            case INTEGER:
                check(worksheet_write_number(sheet, sheet_row, c, strtod(field, NULL), formats[c]), "number");
                break;
            }
        }
        sheet_row++;
    }
    check(workbook_close(workbook), "close");
    double done = now();
    printf("rows=%zu parse_s=%.3f write_s=%.3f\n", csv.rows, write_start - parse_start, done - write_start);
    return 0;
}

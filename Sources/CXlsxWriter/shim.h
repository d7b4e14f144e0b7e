/* Shim header: exposes libxlsxwriter to Swift through the CXlsxWriter module. */
#include <xlsxwriter.h>

// The system's libxlsxwriter headers (Debian libxlsxwriter-dev), never a vendored copy.
#ifndef PROGRAMTEORI_CXLSXWRITER_SHIM_H
#define PROGRAMTEORI_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif

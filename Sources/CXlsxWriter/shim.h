#ifndef GONGKAI_CXLSXWRITER_SHIM_H
#define GONGKAI_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif

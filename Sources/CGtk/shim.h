#ifndef GONGKAI_CGTK_SHIM_H
#define GONGKAI_CGTK_SHIM_H
#include <gtk/gtk.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
#endif

#ifndef GONGKAI_CGTK_SHIM_H
#define GONGKAI_CGTK_SHIM_H
#include <gtk/gtk.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>

/* The text of a string accessible property (LABEL, DESCRIPTION, PLACEHOLDER …) as GTK's AT
 * context holds it, or NULL when the property is not set; free with g_free. GTK 4.8 has no
 * getter: its test API returns the real value when it differs from the one checked against
 * (gtk_test_accessible_check_property is variadic, so Swift cannot call it directly). */
static inline char *gongkai_accessible_string_property(GtkAccessible *accessible, GtkAccessibleProperty property) {
    if (!gtk_test_accessible_has_property(accessible, property)) return NULL;
    return gtk_test_accessible_check_property(accessible, property, "\x01gongkai: no text has this value\x01");
}
#endif

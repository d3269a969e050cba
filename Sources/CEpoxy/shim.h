#ifndef GONGKAI_CEPOXY_SHIM_H
#define GONGKAI_CEPOXY_SHIM_H
/* OpenGL through libepoxy (GTK's own GL loader): only what the app asks of the current context. */
#include <epoxy/gl.h>

/* The current context's GL_RENDERER string (e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"), or NULL. */
static inline const char *gk_gl_renderer(void) {
    return (const char *) glGetString(GL_RENDERER);
}
#endif

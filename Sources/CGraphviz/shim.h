// The system's Graphviz headers (never vendored copies: they must match the
// installed libgvc, whose ABI changed in 13.0) plus one ABI-neutral wrapper.
#ifndef PROGRAMTEORI_CGRAPHVIZ_SHIM_H
#define PROGRAMTEORI_CGRAPHVIZ_SHIM_H

#include <stddef.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#if __has_include(<graphviz/graphviz_version.h>)
#include <graphviz/graphviz_version.h>
#endif

// gvRenderData's length is `unsigned int *` up to 12.x and `size_t *` from
// 13.0 on. Graphviz 2.42/2.43 (Debian 12) has no GRAPHVIZ_VERSION_MAJOR; the
// macro arrived in later releases, so "absent" means "old signature".
static inline int pt_render_data(GVC_t *gvc, graph_t *graph, const char *format,
                                 char **out, size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
    return gvRenderData(gvc, graph, format, out, length);
#else
    unsigned int narrow_length = 0;
    int rc = gvRenderData(gvc, graph, format, out, &narrow_length);
    *length = narrow_length;
    return rc;
#endif
}

#endif

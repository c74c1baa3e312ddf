/* A plugin that claims a newer ABI version than the host supports: the host
 * must refuse it and name both versions. */
#include "formplugin/plugin_api.h"

static const fp_plugin_descriptor descriptor = {
    FP_ABI_VERSION + 1u, (uint32_t)sizeof(fp_plugin_descriptor),
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

__attribute__((visibility("default"))) const fp_plugin_descriptor* formplugin_entry(void) { return &descriptor; }

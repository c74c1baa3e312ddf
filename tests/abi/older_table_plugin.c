/* A plugin built against an older, shorter descriptor that ends after the
 * prefill hook. The host must load it, run its hooks, and report the hooks
 * the table does not reach as not supported, never reading past its end. */
#include "formplugin/plugin_api.h"

#include <stdlib.h>
#include <string.h>

typedef struct older_descriptor {
  uint32_t abi_version;
  uint32_t struct_size;
  int32_t (*describe)(fp_output* output);
  int32_t (*create_instance)(const fp_host_callbacks* host, fp_instance** instance, fp_output* output);
  void (*destroy_instance)(fp_instance* instance);
  void (*release_output)(fp_output* output);
  fp_request_hook configure;
  fp_request_hook configuration_context;
  fp_request_hook check_configuration;
  fp_request_hook validate_prefill_options;
  fp_request_hook prefill;
} older_descriptor;

static int32_t answer(fp_output* output, const char* json) {
  size_t length = strlen(json);
  output->status = FP_STATUS_DONE;
  output->json = malloc(length);
  if (output->json != NULL) {
    memcpy(output->json, json, length);
    output->json_length = length;
  }
  return FP_STATUS_DONE;
}

static int32_t describe(fp_output* output) {
  return answer(output, "{\"identifier\":\"older_table\",\"name\":\"Older table\",\"component_types\":[]}");
}

static int instance_storage;

static int32_t create_instance(const fp_host_callbacks* host, fp_instance** instance, fp_output* output) {
  (void)host;
  *instance = (fp_instance*)&instance_storage;
  return answer(output, "{}");
}

static void destroy_instance(fp_instance* instance) { (void)instance; }

static void release_output(fp_output* output) {
  free(output->message);
  free(output->json);
  memset(output, 0, sizeof *output);
}

static int32_t configure(fp_instance* instance, fp_string request, fp_output* output) {
  (void)instance;
  (void)request;
  return answer(output, "{}");
}

static int32_t prefill(fp_instance* instance, fp_string request, fp_output* output) {
  (void)instance;
  (void)request;
  return answer(output, "{\"value\":[\"from the older table\"]}");
}

static const older_descriptor descriptor = {
    FP_ABI_VERSION, (uint32_t)sizeof(older_descriptor), describe, create_instance, destroy_instance,
    release_output, configure, NULL, NULL, NULL, prefill,
};

__attribute__((visibility("default"))) const fp_plugin_descriptor* formplugin_entry(void) {
  return (const fp_plugin_descriptor*)(const void*)&descriptor;
}

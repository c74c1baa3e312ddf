/* A host written in C11: proves plugin_api.h is a C interface. It loads the
 * plugin given as argv[1] with dlopen, checks the ABI version, and runs the
 * hooks that need no network. Exit status 0 when every check passed. */
#include "formplugin/plugin_api.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static int failures = 0;
static int log_events = 0;

static void check(int condition, const char* what) {
  printf("%s: %s\n", condition ? "ok" : "FAILED", what);
  if (!condition) ++failures;
}

static int output_contains(const fp_output* output, const char* text) {
  size_t length = strlen(text);
  if (output->json == NULL || output->json_length < length) return 0;
  for (size_t i = 0; i + length <= output->json_length; ++i) {
    if (memcmp(output->json + i, text, length) == 0) return 1;
  }
  return 0;
}

static void count_event(void* host_context, int32_t level, fp_string event, fp_string fields) {
  (void)level;
  (void)fields;
  (void)event;
  ++*(int*)host_context;
}

static fp_string text(const char* value) {
  fp_string result = {value, strlen(value)};
  return result;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: c_host PLUGIN.so\n");
    return 2;
  }

  /* Load the library and find its one entry point. */
  void* library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) {
    fprintf(stderr, "c_host: cannot load %s: %s\n", argv[1], dlerror());
    return 1;
  }
  fp_entry_function entry;
  *(void**)&entry = dlsym(library, FP_ENTRY_SYMBOL);
  check(entry != NULL, "the plugin exports " FP_ENTRY_SYMBOL);
  if (entry == NULL) return 1;
  const fp_plugin_descriptor* plugin = entry();
  check(plugin->abi_version == FP_ABI_VERSION, "the plugin was built for this ABI version");
  check(plugin->struct_size >= sizeof(fp_plugin_descriptor), "the descriptor has every hook this header knows");

  /* Identity. */
  fp_output output;
  memset(&output, 0, sizeof output);
  check(plugin->describe(&output) == FP_STATUS_DONE, "describe answers done");
  check(output_contains(&output, "\"identifier\":\"communication_preferences\""), "describe names the plugin");
  plugin->release_output(&output);

  /* An instance that logs through this host. */
  fp_host_callbacks callbacks;
  memset(&callbacks, 0, sizeof callbacks);
  callbacks.struct_size = sizeof callbacks;
  callbacks.host_context = &log_events;
  callbacks.log = count_event;
  fp_instance* instance = NULL;
  check(plugin->create_instance(&callbacks, &instance, &output) == FP_STATUS_DONE && instance != NULL,
        "create_instance answers done");
  plugin->release_output(&output);

  /* Hooks before configure: a configuration error, not a crash. */
  check(plugin->configuration_context(instance, text("{}"), &output) == FP_STATUS_CONFIGURATION_ERROR,
        "configuration_context before configure is a configuration error");
  check(output.message != NULL && output.message_length > 0, "the error carries a message");
  plugin->release_output(&output);

  check(plugin->configure(instance, text("{\"services\": []"), &output) == FP_STATUS_INVALID_INPUT,
        "truncated configuration JSON is invalid input");
  plugin->release_output(&output);

  const char* configuration =
      "{\"services\":[{\"identifier\":\"ok\",\"label\":\"Open Klant\",\"api_root\":\"https://ok.example.org/api/\","
      "\"auth_type\":\"api_key\",\"header_key\":\"Authorization\",\"header_value\":\"Token x\"}],"
      "\"customer_interactions_api_groups\":[{\"identifier\":\"g\",\"name\":\"Group\",\"service\":\"ok\"}]}";
  check(plugin->configure(instance, text(configuration), &output) == FP_STATUS_DONE, "configure answers done");
  plugin->release_output(&output);

  check(plugin->configuration_context(instance, text("{}"), &output) == FP_STATUS_DONE, "configuration_context answers done");
  check(output_contains(&output, "[[\"g\",\"Group\"]]"), "configuration_context lists the group");
  plugin->release_output(&output);

  /* Component rules. */
  const char* component = "{\"component\":{\"key\":\"profile\",\"type\":\"customerProfile\","
                          "\"digitalAddressTypes\":[\"email\"]}}";
  check(plugin->component_empty_value(instance, text(component), &output) == FP_STATUS_DONE,
        "component_empty_value answers done");
  check(output_contains(&output, "{\"address\":\"\",\"type\":\"email\",\"preferenceUpdate\":\"useOnlyOnce\"}"),
        "the empty value has one entry for email");
  plugin->release_output(&output);

  /* An anonymous prefill is skipped without any request. */
  const char* prefill =
      "{\"variable\":{\"key\":\"addresses\",\"prefill_plugin\":\"communication_preferences\","
      "\"prefill_options\":{\"customer_interactions_api_group\":\"g\",\"profile_form_variable\":\"profile\"}},"
      "\"form\":{\"name\":\"f\",\"components\":[]},\"submission\":{\"auth_info\":null}}";
  check(plugin->prefill(instance, text(prefill), &output) == FP_STATUS_SKIPPED, "an anonymous prefill is skipped");
  check(output.message_length > 0, "the skip carries a reason");
  plugin->release_output(&output);

  /* A NULL instance and a NULL request with a length are refused, not followed. */
  check(plugin->prefill(NULL, text("{}"), &output) == FP_STATUS_INVALID_INPUT, "a NULL instance is invalid input");
  plugin->release_output(&output);
  fp_string broken = {NULL, 5};
  check(plugin->prefill(instance, broken, &output) == FP_STATUS_INVALID_INPUT, "NULL data with a length is invalid input");
  plugin->release_output(&output);

  check(log_events > 0, "the plugin logged through the host callback");

  plugin->destroy_instance(instance);
  dlclose(library);
  printf("%d failed\n", failures);
  return failures == 0 ? 0 : 1;
}

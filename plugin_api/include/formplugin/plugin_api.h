/*
 * plugin_api.h: the C ABI between a form server (the host) and its prefill and
 * registration plugins.
 *
 * The host implements the fp_host_* callbacks; a plugin implements the hooks in
 * fp_plugin_descriptor and exports exactly one function, FP_ENTRY_SYMBOL. The
 * host trusts a plugin it loads as much as its own code, but not the data that
 * reaches either side: every document that crosses is checked by its receiver.
 *
 * This header depends on the C standard library only and compiles as C11 and as
 * C++17. No exception, C++ object or STL type crosses it.
 *
 * Conventions:
 *   - Text and documents are UTF-8. Documents are JSON objects. Every buffer
 *     travels as pointer plus length (fp_string) and need not be NUL-terminated.
 *   - Hooks return an fp_status and fill an fp_output. Every status other than
 *     FP_STATUS_DONE comes with a message.
 *   - Versioning: FP_ABI_VERSION changes only when an existing field or hook
 *     changes meaning. New hooks are appended to the end of fp_plugin_descriptor;
 *     struct_size is the size of the table the plugin was built with. A hook beyond
 *     struct_size, or a NULL hook, is "not supported".
 *   - Threads: after create_instance returns, every hook may be called from many
 *     threads at once on one instance, configure included. destroy_instance is
 *     called once, when no other call on that instance is running.
 */
#ifndef FORMPLUGIN_PLUGIN_API_H
#define FORMPLUGIN_PLUGIN_API_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this interface. The host refuses a plugin whose descriptor
 * carries another value. */
#define FP_ABI_VERSION 1u

/* The name of the one function a plugin exports (type fp_entry_function). */
#define FP_ENTRY_SYMBOL "formplugin_entry"

/* Outcome of a hook. Values are stable; new ones are only ever added. */
typedef enum fp_status {
  FP_STATUS_DONE = 0,                /* the hook did its work; json contains the result */
  FP_STATUS_SKIPPED = 1,             /* nothing to do for this input; message gives the reason */
  FP_STATUS_INVALID_INPUT = 2,       /* the request document is malformed or breaks a rule */
  FP_STATUS_CONFIGURATION_ERROR = 3, /* the plugin's configuration is missing or wrong */
  FP_STATUS_UPSTREAM_ERROR = 4,      /* a remote API failed, refused or was unreachable */
  FP_STATUS_NOT_SUPPORTED = 5,       /* this plugin does not implement the hook */
  FP_STATUS_INTERNAL_ERROR = 6       /* a fault inside the plugin; message describes it */
} fp_status;

/* A borrowed UTF-8 buffer.
 * OWNERSHIP: the side that passes it owns it; it is valid only for the duration
 * of the call it is passed to. The receiver copies what it keeps. */
typedef struct fp_string {
  const char* data; /* may be NULL when length is 0 */
  size_t length;
} fp_string;

/* What a hook hands back.
 * OWNERSHIP: the host allocates the struct itself (zero-initialised) and passes
 * its address; the plugin fills message and json with buffers it allocated.
 * Those buffers belong to the plugin and stay valid until the host passes the
 * struct to release_output of the same descriptor, which frees them and zeroes
 * the fields. The host must call release_output exactly once per filled output,
 * whatever the status. */
typedef struct fp_output {
  int32_t status;        /* same value the hook returned */
  char* message;         /* human-readable sentence, or NULL; not NUL-terminated */
  size_t message_length;
  char* json;            /* result document, or NULL; not NUL-terminated */
  size_t json_length;
} fp_output;

/* Severity of a log event. */
typedef enum fp_log_level {
  FP_LOG_DEBUG = 10,
  FP_LOG_INFO = 20,
  FP_LOG_WARNING = 30,
  FP_LOG_ERROR = 40
} fp_log_level;

/* Callback the plugin calls to log one structured event.
 * event: a stable snake_case name such as "prefill_skipped".
 * fields: space-separated key=value pairs ("reason=not_authenticated
 *         plugin=communication_preferences"); values with spaces are quoted.
 * OWNERSHIP: both buffers are borrowed for the duration of the call.
 * The plugin may call it from any thread, also from several at once, and never
 * passes secrets (tokens, full BSNs, full addresses) in it. */
typedef void (*fp_host_log_callback)(void* host_context, int32_t level, fp_string event,
                                     fp_string fields);

/* What the host offers the plugin.
 * OWNERSHIP: host-owned; the plugin copies the struct in create_instance and
 * the host keeps host_context valid until destroy_instance returns. */
typedef struct fp_host_callbacks {
  uint32_t struct_size;          /* sizeof(fp_host_callbacks) as the host compiled it */
  void* host_context;            /* passed back unchanged to every callback */
  fp_host_log_callback log;      /* may be NULL: the plugin then logs nothing */
} fp_host_callbacks;

/* One configured plugin. Opaque to the host.
 * OWNERSHIP: created by create_instance, owned by the host, freed only by
 * destroy_instance of the same descriptor. */
typedef struct fp_instance fp_instance;

/* A hook that takes a request document. Each hook's request and result shapes
 * are listed in the descriptor below. */
typedef int32_t (*fp_request_hook)(fp_instance* instance, fp_string request, fp_output* output);

/* The table a plugin exports. Fields are never reordered or removed; new hooks
 * go after the last one.
 * OWNERSHIP: plugin-owned, static: valid while the library stays loaded. */
typedef struct fp_plugin_descriptor {
  uint32_t abi_version;  /* FP_ABI_VERSION the plugin was built against */
  uint32_t struct_size;  /* sizeof(fp_plugin_descriptor) as the plugin compiled it */

  /* Identity, static. Result: {"identifier", "name", "version",
   * "required_auth_attributes": ["bsn", "kvk"], "options_schema": {JSON Schema of
   * a variable's prefill_options}, "component_types": ["customerProfile"]}.
   * Needs no instance. */
  int32_t (*describe)(fp_output* output);

  /* Creates an unconfigured instance. On FP_STATUS_DONE *instance is set. */
  int32_t (*create_instance)(const fp_host_callbacks* host, fp_instance** instance,
                             fp_output* output);

  /* Frees an instance and everything it owns. Accepts NULL. */
  void (*destroy_instance)(fp_instance* instance);

  /* Frees the buffers of an output filled by any hook of this plugin and zeroes
   * them. Accepts an output whose buffers are NULL. */
  void (*release_output)(fp_output* output);

  /* Request: the host's configuration {"services": [...],
   * "customer_interactions_api_groups": [...]}. Replaces the previous
   * configuration atomically: calls already running finish with the old one. */
  fp_request_hook configure;

  /* Request: {}. Result: {"api_groups": [[identifier, name], ...]} for the
   * form designer's drop-down. */
  fp_request_hook configuration_context;

  /* Request: {}. Calls each API group's API root. DONE with {"groups": [...]};
   * CONFIGURATION_ERROR naming the group, the URL and the status or network
   * error of each failure. */
  fp_request_hook check_configuration;

  /* Request: {"options": {...}, "form": {...}}. DONE with {} when valid,
   * INVALID_INPUT with {"errors": {option name: message}} otherwise. */
  fp_request_hook validate_prefill_options;

  /* Request: {"variable": {...}, "form": {...}, "submission": {...}}. DONE with
   * {"value": ...}; SKIPPED when the submitter or the form gives nothing to look
   * up (the variable keeps its default). */
  fp_request_hook prefill;

  /* Request: {"component_key", "form", "submission"} where submission.data contains
   * the values of all form variables, the prefill variable's included. Runs the
   * component's write-back; DONE or a failure status, both with a result
   * document that lists what was created before any failure. */
  fp_request_hook pre_registration;

  /* Request: {"component": {...}}. Result: {"value": the component's empty value}. */
  fp_request_hook component_empty_value;

  /* Request: {"component": {...}}. Result: {"schema": JSON Schema of the value}. */
  fp_request_hook component_value_schema;

  /* Request: {"component", "value", "language_code"}. DONE with {"value": the
   * normalised value}; INVALID_INPUT with {"errors": [{"index", "field", "code",
   * "message"}]}, messages in the submission's language. */
  fp_request_hook component_validate;

  /* Request: {"form": {...}}. Result: {"problems": [{"component_key" or
   * "variable_key", "code", "message"}]}: form configuration problems an
   * administrator should fix. */
  fp_request_hook check_form;
} fp_plugin_descriptor;

/* The exported entry point. Returns the plugin's static descriptor; never NULL
 * and never fails. */
typedef const fp_plugin_descriptor* (*fp_entry_function)(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* FORMPLUGIN_PLUGIN_API_H */

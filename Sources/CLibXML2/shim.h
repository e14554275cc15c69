#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its ICU types clash with Foundation's copy of ICU.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>

// xmlFree is a macro-ish global function pointer; Swift sees it poorly.
static inline void clibxml2_free(void *p) { xmlFree(p); }
static void clibxml2_silent(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void clibxml2_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, clibxml2_silent);
}

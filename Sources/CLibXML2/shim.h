// Shim for libxml2 (Debian libxml2-dev 2.9.14). Note: SwiftPM treats this as a system header
// and does not notice edits to it; after changing it, delete .build/*/debug/ModuleCache and
// touch a Swift file of the Extraction module, or the old inline functions stay compiled in.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its ICU types clash with Foundation's copy of ICU
// ("'UErrorCode' has different definitions in different modules"). Nothing here needs
// libxml2's ICU converters, so hide them before any header that would pull unicode/ucnv.h in.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
#include <libxml/globals.h>
#include <libxml/parserInternals.h>

// xmlFree is a global function pointer declared through macros; Swift imports it poorly.
static inline void clibxml2_free(void *p) { xmlFree(p); }

static void clibxml2_silent(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void clibxml2_silent_structured(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }

// libxml2 keeps its error handlers per thread: set the defaults that new threads inherit
// and the handlers of the calling thread. Safe to call repeatedly.
static inline void clibxml2_silence_errors(void) {
    xmlThrDefSetGenericErrorFunc(NULL, clibxml2_silent);
    xmlThrDefSetStructuredErrorFunc(NULL, clibxml2_silent_structured);
    xmlSetGenericErrorFunc(NULL, clibxml2_silent);
    xmlSetStructuredErrorFunc(NULL, clibxml2_silent_structured);
}

// Lenient HTML parsing of UTF-8 text. IGNORE_ENC keeps libxml2 from re-decoding the text when
// a <meta charset> inside it names another encoding: the caller has already decoded it.
// XML_PARSE_HUGE lifts the 256-level depth limit, past which libxml2 halts and drops the rest
// of the page; htmlCtxtUseOptions in 2.9 ignores that flag, so it is set on the context.
static inline htmlDocPtr clibxml2_parse_utf8_html(const char *buffer, int size) {
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
        | HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(buffer, size);
    if (ctxt == NULL) return NULL;
    htmlCtxtUseOptions(ctxt, options);
    ctxt->options |= XML_PARSE_HUGE;
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctxt);
    htmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    htmlFreeParserCtxt(ctxt);
    return doc;
}

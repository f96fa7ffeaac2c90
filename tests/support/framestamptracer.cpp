// A GStreamer tracer that stamps the programme's raw frames inside an unchanged chamber-media
// process: test_media_outage runs the real binary (in a network namespace) with
//     GST_PLUGIN_PATH=<this plugin's directory> GST_TRACERS=chamberframestamp
// and the tracer, told of every element added to a bin, puts framestamp's probe on the source
// pad of the element named "programme-raw" (the last raw-video element before the encoder, see
// ProgrammeConfig::pipelineDescription()). The receiver in the test reads the stamp back from
// each frame it shows and knows how old the frame is (both processes share CLOCK_MONOTONIC).
// A tracer, not a chamber-media option: nothing test-only in the product.
// GST_PLUGIN_DEFINE names the package from this macro.
#define PACKAGE "chamber-tests"

#include "framestamp.h"

#include <gst/gst.h>

#include <cstring>

namespace {

constexpr const char *kStampedElement = "programme-raw";

struct FrameStampTracer
{
    GstTracer parent;
};

struct FrameStampTracerClass
{
    GstTracerClass parent_class;
};

// bin-add-post: (tracer, ts, bin, element, success).
void onBinAddPost(GObject *, GstClockTime, GstBin *, GstElement *element, gboolean success)
{
    if (!success || !element)
        return;
    gchar *name = gst_object_get_name(GST_OBJECT(element));
    const bool wanted = name && std::strcmp(name, kStampedElement) == 0;
    g_free(name);
    if (!wanted)
        return;
    GstPad *pad = gst_element_get_static_pad(element, "src");
    if (!pad) {
        g_printerr(
            "chamberframestamp: %s has no src pad, frames are not stamped\n", kStampedElement);
        return;
    }
    chamber::testing::stampBuffersOn(pad);
    gst_object_unref(pad);
    g_printerr("chamberframestamp: stamping frames leaving %s\n", kStampedElement);
}

void frameStampTracerInit(GTypeInstance *instance, gpointer)
{
    gst_tracing_register_hook(GST_TRACER(instance), "bin-add-post", G_CALLBACK(onBinAddPost));
}

GType frameStampTracerType()
{
    static gsize type = 0;
    if (g_once_init_enter(&type)) {
        const GType registered = g_type_register_static_simple(GST_TYPE_TRACER,
            "ChamberFrameStampTracer", sizeof(FrameStampTracerClass), nullptr,
            sizeof(FrameStampTracer), frameStampTracerInit, GTypeFlags(0));
        g_once_init_leave(&type, registered);
    }
    return GType(type);
}

gboolean pluginInit(GstPlugin *plugin)
{
    return gst_tracer_register(plugin, "chamberframestamp", frameStampTracerType());
}

} // namespace

GST_PLUGIN_DEFINE(GST_VERSION_MAJOR, GST_VERSION_MINOR, chamberframestamp,
    "Stamps chamber-media's raw programme frames for tests", pluginInit, "1.0", "LGPL", PACKAGE,
    "Chamber")

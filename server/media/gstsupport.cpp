#include "media/gstsupport.h"

#include <QHash>

#include <mutex>

namespace chamber::media {

Q_LOGGING_CATEGORY(lcMedia, "chamber.media")

void initGStreamer()
{
    static std::once_flag once;
    std::call_once(once, [] { gst_init(nullptr, nullptr); });
}

namespace {
// Where a factory comes from on Debian, so the error says what to install; the core
// elements (queue, tee, ...) and the rest of plugins-base are the default. The dependency
// test (tests/deps) checks every entry against dpkg for the elements installed.
QString packageOf(const QString &factory)
{
    static const QHash<QString, QString> packages {
        {QStringLiteral("webrtcbin"), QStringLiteral("gstreamer1.0-plugins-bad")},
        {QStringLiteral("dtlssrtpenc"), QStringLiteral("gstreamer1.0-plugins-bad")},
        {QStringLiteral("dtlssrtpdec"), QStringLiteral("gstreamer1.0-plugins-bad")},
        {QStringLiteral("srtpenc"), QStringLiteral("gstreamer1.0-plugins-bad")},
        {QStringLiteral("srtpdec"), QStringLiteral("gstreamer1.0-plugins-bad")},
        {QStringLiteral("udpsink"), QStringLiteral("gstreamer1.0-plugins-good")},
        {QStringLiteral("autoaudiosink"), QStringLiteral("gstreamer1.0-plugins-good")},
        {QStringLiteral("pulsesrc"), QStringLiteral("gstreamer1.0-plugins-good")},
        {QStringLiteral("alsasrc"), QStringLiteral("gstreamer1.0-alsa")},
        {QStringLiteral("timeoverlay"), QStringLiteral("gstreamer1.0-x")},
        {QStringLiteral("glsinkbin"), QStringLiteral("gstreamer1.0-gl")},
        {QStringLiteral("glupload"), QStringLiteral("gstreamer1.0-gl")},
        {QStringLiteral("glcolorconvert"), QStringLiteral("gstreamer1.0-gl")},
        {QStringLiteral("nicesrc"), QStringLiteral("gstreamer1.0-nice")},
        {QStringLiteral("nicesink"), QStringLiteral("gstreamer1.0-nice")},
        {QStringLiteral("x264enc"), QStringLiteral("gstreamer1.0-plugins-ugly")},
        {QStringLiteral("avdec_h264"), QStringLiteral("gstreamer1.0-libav")},
        {QStringLiteral("rtph264pay"), QStringLiteral("gstreamer1.0-plugins-good")},
        {QStringLiteral("rtph264depay"), QStringLiteral("gstreamer1.0-plugins-good")},
        {QStringLiteral("rtpopuspay"), QStringLiteral("gstreamer1.0-plugins-good")},
        {QStringLiteral("rtpopusdepay"), QStringLiteral("gstreamer1.0-plugins-good")},
        {QStringLiteral("v4l2src"), QStringLiteral("gstreamer1.0-plugins-good")},
        {QStringLiteral("pipewiresrc"), QStringLiteral("gstreamer1.0-pipewire")},
        {QStringLiteral("qml6glsink"), QStringLiteral("gstreamer1.0-qt6")},
    };
    return packages.value(factory, QStringLiteral("gstreamer1.0-plugins-base"));
}
} // namespace

Status requireElements(const QStringList &factories)
{
    initGStreamer();
    QStringList missing;
    for (const QString &name : factories) {
        GstElementFactory *factory = gst_element_factory_find(name.toUtf8().constData());
        if (!factory)
            missing << name + QStringLiteral(" (") + packageOf(name) + QLatin1Char(')');
        else
            gst_object_unref(factory);
    }
    if (missing.isEmpty())
        return success();
    return makeError(ErrorCode::Unavailable,
        QStringLiteral("GStreamer elements missing: ") + missing.join(QStringLiteral(", ")));
}

Result<ElementRef> makeElement(const char *factory, const QString &name)
{
    GstElement *element
        = gst_element_factory_make(factory, name.isEmpty() ? nullptr : name.toUtf8().constData());
    if (!element)
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("GStreamer element %1 is not installed (%2)")
                .arg(QString::fromLatin1(factory), packageOf(QString::fromLatin1(factory))));
    return ElementRef::adopt(element);
}

Result<ElementRef> parseBin(const QString &description)
{
    GError *error = nullptr;
    GstElement *bin
        = gst_parse_bin_from_description(description.toUtf8().constData(), TRUE, &error);
    if (error) {
        const QString message = QString::fromUtf8(error->message);
        g_error_free(error);
        if (bin)
            gst_object_unref(gst_object_ref_sink(bin));
        return makeError(
            ErrorCode::Invalid, QStringLiteral("pipeline \"%1\": %2").arg(description, message));
    }
    return ElementRef::adopt(bin);
}

Error errorFromMessage(GstMessage *message)
{
    GError *error = nullptr;
    gchar *debug = nullptr;
    if (GST_MESSAGE_TYPE(message) == GST_MESSAGE_WARNING)
        gst_message_parse_warning(message, &error, &debug);
    else
        gst_message_parse_error(message, &error, &debug);
    const QString source = QString::fromUtf8(GST_OBJECT_NAME(GST_MESSAGE_SRC(message)));
    QString text = error ? QString::fromUtf8(error->message) : QStringLiteral("unknown error");
    if (debug)
        text += QStringLiteral(" (") + QString::fromUtf8(debug) + QLatin1Char(')');
    if (error)
        g_error_free(error);
    g_free(debug);
    Error result = makeError(ErrorCode::Internal, source + QStringLiteral(": ") + text, source);
    // The full path says which part failed: a peer's branch, or the programme itself.
    gchar *path = gst_object_get_path_string(GST_MESSAGE_SRC(message));
    result.details.append(QString::fromUtf8(path));
    g_free(path);
    return result;
}

qint64 monotonicNs()
{
    return qint64(g_get_monotonic_time()) * 1000;
}

} // namespace chamber::media

#include "videosurface.h"

#include "media/gstsupport.h"

#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickWindow>

namespace chamber::kiosk {

namespace {

// Platforms that draw without a GPU context a GL sink could share.
bool hasNoDisplay()
{
    static const QStringList displayless {QStringLiteral("offscreen"), QStringLiteral("minimal"),
        QStringLiteral("vnc"), QStringLiteral("linuxfb")};
    return displayless.contains(QGuiApplication::platformName());
}

// The qml6 plugin registers GstGLQt6VideoItem with QML when it loads, not before.
bool loadQml6Plugin()
{
    GstElementFactory *factory = gst_element_factory_find("qml6glsink");
    if (!factory)
        return false;
    GstPluginFeature *loaded = gst_plugin_feature_load(GST_PLUGIN_FEATURE(factory));
    gst_object_unref(factory);
    if (!loaded)
        return false;
    gst_object_unref(loaded);
    return true;
}

} // namespace

void prepareBridgeVideo()
{
    if (!hasNoDisplay())
        QQuickWindow::setGraphicsApi(QSGRendererInterface::OpenGL);
    media::initGStreamer();
    loadQml6Plugin();
}

QStringList VideoSurface::requiredElements()
{
    return {QStringLiteral("glsinkbin"), QStringLiteral("qml6glsink"), QStringLiteral("glupload"),
        QStringLiteral("glcolorconvert")};
}

VideoSurface::VideoSurface(QQuickItem *parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents, false);
}

VideoSurface::~VideoSurface() = default;

void VideoSurface::setKeepAspect(bool keep)
{
    if (keep == m_keepAspect)
        return;
    m_keepAspect = keep;
    emit keepAspectChanged();
}

void VideoSurface::componentComplete()
{
    QQuickItem::componentComplete();
    setUp();
}

void VideoSurface::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (m_videoItem)
        m_videoItem->setSize(newGeometry.size());
}

void VideoSurface::setProblem(const QString &problem, const QString &detail)
{
    qCWarning(media::lcMedia).noquote() << "no video here:" << problem << detail;
    m_problem = problem;
    m_problemDetail = detail;
    emit availabilityChanged();
}

void VideoSurface::setUp()
{
    if (hasNoDisplay())
        return setProblem(QStringLiteral("no_display"),
            QStringLiteral("platform %1 has no display").arg(QGuiApplication::platformName()));
    if (QQuickWindow::graphicsApi() != QSGRendererInterface::OpenGL)
        return setProblem(QStringLiteral("no_opengl"),
            QStringLiteral("Qt Quick does not draw with OpenGL here (QSG_RHI_BACKEND, "
                           "QT_QUICK_BACKEND?)"));
    media::initGStreamer();
    if (auto present = media::requireElements(requiredElements()); !present)
        return setProblem(QStringLiteral("missing_elements"), present.error().message);
    if (!loadQml6Plugin())
        return setProblem(
            QStringLiteral("missing_elements"), QStringLiteral("the qml6 plugin did not load"));
    QQmlEngine *engine = qmlEngine(this);
    if (!engine)
        return setProblem(QStringLiteral("item_failed"), QStringLiteral("no QML engine"));
    // Made here rather than written in a .qml file: the import only exists once the plugin
    // is loaded, and a screen importing it would not load at all where it is missing.
    QQmlComponent component(engine);
    component.setData("import org.freedesktop.gstreamer.Qt6GLVideoItem 1.0\n"
                      "GstGLQt6VideoItem {}\n",
        QUrl(QStringLiteral("qrc:/qt/qml/Chamber/Media/GstVideoItem.qml")));
    QObject *object = component.create(qmlContext(this));
    auto *item = qobject_cast<QQuickItem *>(object);
    if (!item) {
        delete object;
        return setProblem(QStringLiteral("item_failed"), component.errorString());
    }
    item->setParent(this);
    item->setParentItem(this);
    item->setSize(size());
    m_videoItem = item;
    emit availabilityChanged();
}

Result<media::ElementRef> VideoSurface::createSink()
{
    if (!m_videoItem)
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("video cannot be shown here: %1 %2").arg(m_problem, m_problemDetail));
    auto bin = media::makeElement("glsinkbin");
    auto sink = media::makeElement("qml6glsink");
    if (!bin)
        return bin;
    if (!sink)
        return sink;
    g_object_set(sink->get(), "widget", static_cast<gpointer>(m_videoItem.data()),
        "force-aspect-ratio", gboolean(m_keepAspect), nullptr);
    g_object_set(bin->get(), "sink", sink->get(), nullptr);
    return bin;
}

} // namespace chamber::kiosk

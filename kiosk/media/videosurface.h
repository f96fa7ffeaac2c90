// Where a bridge's video is drawn: an item that holds GStreamer's GstGLQt6VideoItem (from the
// qml6 plugin of gstreamer1.0-qt6) and makes the sinks that draw into it (glsinkbin with
// sink=qml6glsink, widget = that item). When video cannot be shown here (no display, Qt Quick
// not on OpenGL, GStreamer's GL or Qt 6 elements missing) it says why in `problem` and makes
// no sink; the rest of the screen goes on.
#pragma once

#include "media/gstref.h"
#include "protocol/error.h"

#include <QPointer>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

namespace chamber::kiosk {

// Before the first window: Qt Quick on OpenGL (qml6glsink draws with GL) unless the platform
// has no display (offscreen, minimal: video is then reported unavailable), and GStreamer
// initialised with the qml6 plugin loaded, which registers GstGLQt6VideoItem for QML.
void prepareBridgeVideo();

class VideoSurface : public QQuickItem
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(bool available READ available NOTIFY availabilityChanged)
    // Why video cannot be shown: "" (it can), no_display, no_opengl, missing_elements,
    // item_failed; `problemDetail` names what is missing (for the log and the technician).
    Q_PROPERTY(QString problem READ problem NOTIFY availabilityChanged)
    Q_PROPERTY(QString problemDetail READ problemDetail NOTIFY availabilityChanged)
    // Keeps the picture's shape (letterboxed) rather than filling the item.
    Q_PROPERTY(bool keepAspect READ keepAspect WRITE setKeepAspect NOTIFY keepAspectChanged)

public:
    explicit VideoSurface(QQuickItem *parent = nullptr);
    ~VideoSurface() override;

    bool available() const { return m_videoItem != nullptr; }
    QString problem() const { return m_problem; }
    QString problemDetail() const { return m_problemDetail; }
    bool keepAspect() const { return m_keepAspect; }
    void setKeepAspect(bool keep);

    // A sink bin drawing into this item; Qt thread only. An error when video is unavailable.
    Result<media::ElementRef> createSink();
    // The element factories createSink() needs (checked before a sink is made).
    static QStringList requiredElements();

    // For tests: the GstGLQt6VideoItem (nullptr when unavailable).
    QQuickItem *videoItem() const { return m_videoItem; }

Q_SIGNALS:
    void availabilityChanged();
    void keepAspectChanged();

protected:
    void componentComplete() override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    void setUp();
    void setProblem(const QString &problem, const QString &detail);

    QPointer<QQuickItem> m_videoItem;
    QString m_problem;
    QString m_problemDetail;
    bool m_keepAspect = true;
};

} // namespace chamber::kiosk

// A pipeline's bus delivered on the Qt thread that owns the watch. On Linux Qt runs on GLib's
// default main context (QEventDispatcherGlib), so gst_bus_add_watch() is served by Qt's own
// event loop with no extra thread or timer. When Qt was started without GLib (QT_NO_GLIB=1, or
// another dispatcher) the watch falls back to draining the bus from a short QTimer.
#pragma once

#include "media/gstref.h"
#include "protocol/error.h"

#include <QObject>
#include <QTimer>

namespace chamber::media {

class BusWatch : public QObject
{
    Q_OBJECT
public:
    // Watches `pipeline`'s bus until destroyed.
    explicit BusWatch(GstElement *pipeline, QObject *parent = nullptr);
    ~BusWatch() override;

    // True when the bus is served by a GLib source on Qt's main context (not by polling).
    bool usesGlibMainContext() const { return m_sourceId != 0; }
    // Whether the current thread's Qt event dispatcher runs on GLib.
    static bool qtRunsOnGlib();

signals:
    void errorOccurred(const chamber::Error &error);
    void warningOccurred(const chamber::Error &warning);
    void endOfStream();
    // Element messages (e.g. from webrtcbin's children), in the watch's thread.
    void elementMessage(const QString &structureName, const QString &source);

private:
    static gboolean onBusMessage(GstBus *bus, GstMessage *message, gpointer self);
    void handle(GstMessage *message);
    void drain();

    BusRef m_bus;
    guint m_sourceId = 0;
    QTimer m_poll;
};

} // namespace chamber::media

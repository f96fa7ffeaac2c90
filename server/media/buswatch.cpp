#include "media/buswatch.h"

#include "media/gstsupport.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QThread>

namespace chamber::media {

BusWatch::BusWatch(GstElement *pipeline, QObject *parent)
    : QObject(parent)
    , m_bus(BusRef::adopt(gst_element_get_bus(pipeline)))
{
    // A GLib watch only fires on the default context if this thread's loop iterates it, which
    // is what QEventDispatcherGlib does on the main thread.
    if (qtRunsOnGlib() && QThread::currentThread() == QCoreApplication::instance()->thread())
        m_sourceId = gst_bus_add_watch(m_bus.get(), &BusWatch::onBusMessage, this);
    if (m_sourceId == 0) {
        connect(&m_poll, &QTimer::timeout, this, &BusWatch::drain);
        m_poll.start(20);
    }
}

BusWatch::~BusWatch()
{
    if (m_sourceId != 0)
        gst_bus_remove_watch(m_bus.get());
}

bool BusWatch::qtRunsOnGlib()
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    // The GUI platforms use a subclass (QPAEventDispatcherGlib) of the core one.
    return dispatcher && dispatcher->inherits("QEventDispatcherGlib");
}

gboolean BusWatch::onBusMessage(GstBus *, GstMessage *message, gpointer self)
{
    static_cast<BusWatch *>(self)->handle(message);
    return G_SOURCE_CONTINUE;
}

void BusWatch::drain()
{
    while (GstMessage *message = gst_bus_pop(m_bus.get())) {
        MessageRef owned = MessageRef::adopt(message);
        handle(owned.get());
    }
}

void BusWatch::handle(GstMessage *message)
{
    switch (GST_MESSAGE_TYPE(message)) {
    case GST_MESSAGE_ERROR:
        emit errorOccurred(errorFromMessage(message));
        break;
    case GST_MESSAGE_WARNING:
        emit warningOccurred(errorFromMessage(message));
        break;
    case GST_MESSAGE_EOS:
        emit endOfStream();
        break;
    case GST_MESSAGE_ELEMENT:
        if (const GstStructure *structure = gst_message_get_structure(message))
            emit elementMessage(QString::fromUtf8(gst_structure_get_name(structure)),
                QString::fromUtf8(GST_OBJECT_NAME(GST_MESSAGE_SRC(message))));
        break;
    default:
        break;
    }
}

} // namespace chamber::media

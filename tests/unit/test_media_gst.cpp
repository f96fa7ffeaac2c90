// The GStreamer layer under the video bridges: owning references (floating ones sunk, copies
// counted, nothing leaked or freed twice), the bus watch on Qt's GLib main context and its
// polling fallback off the main thread, and missing elements or broken descriptions reported
// as typed errors.
#include "media/buswatch.h"
#include "media/gstsupport.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace chamber;
using namespace chamber::media;

namespace {
int refCount(gpointer object)
{
    return int(G_OBJECT(object)->ref_count);
}

// Counts finalisations, to see an object really go.
void onFinalized(gpointer counter, GObject *)
{
    ++*static_cast<int *>(counter);
}
} // namespace

class TestMediaGst : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { initGStreamer(); }
    void adoptSinksFloatingReference();
    void copiesAndMovesCountReferences();
    void shareAddsAReference();
    void miniObjectsUseTheirOwnRefcount();
    void missingElementsAreNamed();
    void brokenDescriptionIsAnError();
    void busWatchRunsOnQtsGlibContext();
    void busWatchPollsOffTheMainThread();
};

void TestMediaGst::adoptSinksFloatingReference()
{
    int finalized = 0;
    {
        GstElement *raw = gst_element_factory_make("fakesink", nullptr);
        QVERIFY(g_object_is_floating(raw));
        g_object_weak_ref(G_OBJECT(raw), onFinalized, &finalized);
        ElementRef element = ElementRef::adopt(raw);
        QVERIFY(!g_object_is_floating(raw));
        QCOMPARE(refCount(raw), 1);
    }
    QCOMPARE(finalized, 1);
}

void TestMediaGst::copiesAndMovesCountReferences()
{
    int finalized = 0;
    auto made = makeElement("fakesink");
    QVERIFY(made);
    GstElement *raw = made->get();
    g_object_weak_ref(G_OBJECT(raw), onFinalized, &finalized);
    {
        ElementRef copy = *made;
        QCOMPARE(refCount(raw), 2);
        ElementRef moved = std::move(copy);
        QVERIFY(!copy);
        QCOMPARE(refCount(raw), 2);
        moved = ElementRef();
        QCOMPARE(refCount(raw), 1);
    }
    // release() hands the reference on: a bin takes it.
    ElementRef bin = ElementRef::adopt(gst_bin_new(nullptr));
    ElementRef child = std::move(made).value();
    QVERIFY(gst_bin_add(GST_BIN(bin.get()), child.get()));
    QCOMPARE(refCount(raw), 2);
    child.reset();
    QCOMPARE(finalized, 0);
    bin.reset();
    QCOMPARE(finalized, 1);
}

void TestMediaGst::shareAddsAReference()
{
    ElementRef pipeline = ElementRef::adopt(gst_pipeline_new(nullptr));
    BusRef bus = BusRef::adopt(gst_element_get_bus(pipeline.get()));
    const int before = refCount(bus.get());
    {
        BusRef shared = BusRef::share(bus.get());
        QCOMPARE(refCount(bus.get()), before + 1);
    }
    QCOMPARE(refCount(bus.get()), before);
}

void TestMediaGst::miniObjectsUseTheirOwnRefcount()
{
    CapsRef caps = CapsRef::adopt(gst_caps_from_string("video/x-raw,width=320"));
    QCOMPARE(GST_MINI_OBJECT_REFCOUNT_VALUE(caps.get()), 1);
    CapsRef copy = caps;
    QCOMPARE(GST_MINI_OBJECT_REFCOUNT_VALUE(caps.get()), 2);
    copy.reset();
    QCOMPARE(GST_MINI_OBJECT_REFCOUNT_VALUE(caps.get()), 1);
    GstCaps *released = caps.release();
    QVERIFY(!caps);
    gst_caps_unref(released);
}

void TestMediaGst::missingElementsAreNamed()
{
    auto missing = requireElements({QStringLiteral("fakesink"), QStringLiteral("no-such-element")});
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::Unavailable);
    QVERIFY(missing.error().message.contains(QLatin1String("no-such-element")));
    QVERIFY(!missing.error().message.contains(QLatin1String("fakesink")));
    QVERIFY(requireElements({QStringLiteral("fakesink"), QStringLiteral("webrtcbin")}));

    auto element = makeElement("no-such-element");
    QVERIFY(!element);
    QVERIFY(element.error().message.contains(QLatin1String("no-such-element")));
}

void TestMediaGst::brokenDescriptionIsAnError()
{
    auto bin = parseBin(QStringLiteral("fakesrc ! no-such-element ! fakesink"));
    QVERIFY(!bin);
    QCOMPARE(bin.error().code, ErrorCode::Invalid);
    QVERIFY(parseBin(QStringLiteral("queue ! fakesink")));
}

namespace {
// A pipeline that fails as soon as it starts: the file is not there.
ElementRef failingPipeline()
{
    GError *error = nullptr;
    GstElement *pipeline = gst_parse_launch(
        "filesrc name=missing-file location=/nonexistent/chamber ! fakesink", &error);
    if (error)
        g_error_free(error);
    return ElementRef::adopt(pipeline);
}
} // namespace

void TestMediaGst::busWatchRunsOnQtsGlibContext()
{
    if (qEnvironmentVariableIsSet("QT_NO_GLIB"))
        QSKIP("Qt runs without GLib here");
    QVERIFY(BusWatch::qtRunsOnGlib());
    ElementRef pipeline = failingPipeline();
    QVERIFY(pipeline);
    BusWatch watch(pipeline.get());
    QVERIFY(watch.usesGlibMainContext());
    QSignalSpy errors(&watch, &BusWatch::errorOccurred);
    gst_element_set_state(pipeline.get(), GST_STATE_PLAYING);
    QVERIFY(errors.wait(5000));
    const auto error = errors.first().first().value<Error>();
    QCOMPARE(error.field, QStringLiteral("missing-file"));
    QVERIFY(error.message.contains(QLatin1String("missing-file")));
    // Where in the pipeline: what tells a bridge's failure from the programme's.
    QCOMPARE(error.details.size(), 1);
    QVERIFY(error.details.first().toString().endsWith(QLatin1String(":missing-file")));
    gst_element_set_state(pipeline.get(), GST_STATE_NULL);
}

void TestMediaGst::busWatchPollsOffTheMainThread()
{
    ElementRef pipeline = failingPipeline();
    QVERIFY(pipeline);
    QThread thread;
    QObject context;
    context.moveToThread(&thread);
    thread.start();
    BusWatch *watch = nullptr;
    QMetaObject::invokeMethod(
        &context, [&] { watch = new BusWatch(pipeline.get()); }, Qt::BlockingQueuedConnection);
    QVERIFY(watch);
    // A worker thread's loop does not iterate GLib's default context: the watch polls.
    QVERIFY(!watch->usesGlibMainContext());
    QSignalSpy errors(watch, &BusWatch::errorOccurred);
    gst_element_set_state(pipeline.get(), GST_STATE_PLAYING);
    QVERIFY(errors.wait(5000));
    QMetaObject::invokeMethod(
        &context, [&] { delete watch; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    gst_element_set_state(pipeline.get(), GST_STATE_NULL);
}

QTEST_GUILESS_MAIN(TestMediaGst)
#include "test_media_gst.moc"

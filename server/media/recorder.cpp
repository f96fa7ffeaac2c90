#include "media/recorder.h"

#include "media/gstsupport.h"
#include "media/oggopus.h"
#include "support/durablefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>

#include <atomic>

namespace chamber::media {

namespace {

// Speech at 24 kbit/s (about 10 MB an hour). The queue lets the file lag the programme by up
// to 5 s (a slow disk) and then drops the oldest audio rather than hold the tee. Every element
// is named after the recording (%1 = "recording-<id>"): a bus error names its element by path,
// and the path must tell whose it is even after the branch was taken apart.
const char kBranchDescription[]
    = "queue name=%1-queue max-size-time=5000000000 max-size-buffers=0 max-size-bytes=0 "
      "leaky=downstream ! audioconvert name=%1-convert ! audioresample name=%1-resample "
      "! opusenc name=%1-encoder bitrate=24000 ! oggmux name=%1-mux "
      "! filesink name=%1-file async=false sync=false buffer-mode=unbuffered";

const QLatin1String kBranchPrefix("recording-");

// The branch's entry returns OK to the tee whatever happens inside it, so a failing disk or
// encoder cannot stop the tee's other pad (the programme's own audio); the failure reaches us
// as a bus error from inside the branch instead.
GstFlowReturn swallowChain(GstPad *pad, GstObject *parent, GstBuffer *buffer)
{
    (void)gst_proxy_pad_chain_default(pad, parent, buffer);
    return GST_FLOW_OK;
}

GstFlowReturn swallowChainList(GstPad *pad, GstObject *parent, GstBufferList *list)
{
    (void)gst_proxy_pad_chain_list_default(pad, parent, list);
    return GST_FLOW_OK;
}

} // namespace

struct ProgrammeRecorder::Branch
{
    QPointer<ProgrammeRecorder> owner;
    QString recording;
    QString path; // DIR/partial/<recording>.ogg
    ElementRef bin;
    PadRef teePad;
    PadRef entry; // the bin's ghost sink pad
    PadRef fileSink;
    bool stopping = false; // Qt thread only
    std::atomic<bool> detachRequested {false};
    std::atomic<bool> detached {false};
    std::atomic<bool> failed {false};
    Ending ending = Ending::Finish;
    // The first timestamp the branch saw (the tee's streaming thread only).
    GstClockTime firstPts = GST_CLOCK_TIME_NONE;
};

namespace {

// The programme's timestamps are its running time (minutes into the session); a recording's
// start at 0, so its Ogg granule positions count from its own first sample and every player
// shows the speech from 0:00 (gst-discoverer and oggdemux subtract a late start, others don't).
GstPadProbeReturn rebaseTimestamps(GstPad *, GstPadProbeInfo *info, gpointer data)
{
    GstClockTime &first = *static_cast<GstClockTime *>(data);
    GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER(info);
    if (!GST_BUFFER_PTS_IS_VALID(buffer))
        return GST_PAD_PROBE_OK;
    if (first == GST_CLOCK_TIME_NONE)
        first = GST_BUFFER_PTS(buffer);
    buffer = gst_buffer_make_writable(buffer);
    GST_BUFFER_PTS(buffer) = GST_BUFFER_PTS(buffer) > first ? GST_BUFFER_PTS(buffer) - first : 0;
    GST_PAD_PROBE_INFO_DATA(info) = buffer;
    return GST_PAD_PROBE_OK;
}

} // namespace

ProgrammeRecorder::ProgrammeRecorder(
    GstElement *pipeline, GstElement *tee, QString directory, QObject *parent)
    : QObject(parent)
    , m_pipeline(pipeline)
    , m_tee(ElementRef::share(tee))
    , m_directory(std::move(directory))
{ }

ProgrammeRecorder::~ProgrammeRecorder()
{
    // The programme's pipeline is stopped (NULL) before this, so no probe runs any more; what
    // is still recording stays in DIR/partial and is salvaged at the next start.
    for (Branch *branch : std::as_const(m_branches)) {
        if (branch->bin) {
            gst_element_set_state(branch->bin.get(), GST_STATE_NULL);
            gst_bin_remove(GST_BIN(m_pipeline), branch->bin.get());
        }
        if (branch->teePad && !branch->detached)
            gst_element_release_request_pad(m_tee.get(), branch->teePad.get());
        delete branch;
    }
}

QString ProgrammeRecorder::partialDirectory() const
{
    return m_directory + QStringLiteral("/partial");
}

Status ProgrammeRecorder::open()
{
    if (auto made = support::ensureDurableDirectory(partialDirectory()); !made)
        return made;
    const QDir partial(partialDirectory());
    for (const QFileInfo &file : partial.entryInfoList(QDir::Files, QDir::Name))
        salvage(file.absoluteFilePath());
    return success();
}

void ProgrammeRecorder::salvage(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    const QString recording = name.chopped(name.endsWith(QLatin1String(".ogg")) ? 4 : 0);
    if (!name.endsWith(QLatin1String(".ogg")) || !isValidRecordingId(recording)) {
        qCWarning(lcMedia).noquote() << "recordings: leaving an unknown file alone:" << path;
        return;
    }
    auto scan = scanOggOpusFile(path);
    if (!scan || !scan->opusHead || scan->durationMs() == 0) {
        (void)support::removeFileDurably(path);
        emit outgoing(SignalMessage::recordError(recording,
            makeError(ErrorCode::Internal,
                scan ? QStringLiteral("nothing was recorded before chamber-media stopped")
                     : scan.error().message)));
        return;
    }
    // Whatever the kill tore (a page half written) is cut off: players then read every page.
    QFile file(path);
    if (QFileInfo(path).size() != scan->goodBytes && !file.resize(scan->goodBytes)) {
        emit outgoing(SignalMessage::recordError(recording,
            makeError(ErrorCode::Internal,
                QStringLiteral("cannot cut %1 to its whole pages: %2")
                    .arg(path, file.errorString()))));
        return;
    }
    qCInfo(lcMedia).noquote() << "recordings: salvaging" << recording << "after a crash,"
                              << scan->durationMs() << "ms";
    finish(path, recording, true);
}

Status ProgrammeRecorder::start(const QString &recording)
{
    if (!isValidRecordingId(recording))
        return makeError(
            ErrorCode::BadField, QStringLiteral("bad recording id"), QStringLiteral("recording"));
    if (m_branches.contains(recording))
        return makeError(ErrorCode::Conflict,
            QStringLiteral("recording %1 is running already").arg(recording),
            QStringLiteral("recording"));
    const QString path = partialDirectory() + QLatin1Char('/') + recording + QStringLiteral(".ogg");
    if (QFileInfo::exists(path))
        return makeError(ErrorCode::Conflict,
            QStringLiteral("recording %1 has a file already").arg(recording),
            QStringLiteral("recording"));
    const QString name = kBranchPrefix + recording;
    auto bin = parseBin(QString::fromLatin1(kBranchDescription).arg(name));
    if (!bin)
        return bin.error();
    auto *branch = new Branch;
    branch->owner = this;
    branch->recording = recording;
    branch->path = path;
    branch->bin = std::move(*bin);
    gst_object_set_name(GST_OBJECT(branch->bin.get()), qPrintable(name));
    ElementRef file = ElementRef::adopt(gst_bin_get_by_name(
        GST_BIN(branch->bin.get()), qPrintable(name + QStringLiteral("-file"))));
    g_object_set(file.get(), "location", QFile::encodeName(path).constData(), nullptr);
    branch->fileSink = PadRef::adopt(gst_element_get_static_pad(file.get(), "sink"));
    gst_pad_add_probe(branch->fileSink.get(), GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM,
        &ProgrammeRecorder::onFileEos, branch, nullptr);
    branch->entry = PadRef::adopt(gst_element_get_static_pad(branch->bin.get(), "sink"));
    gst_pad_set_chain_function(branch->entry.get(), swallowChain);
    gst_pad_set_chain_list_function(branch->entry.get(), swallowChainList);
    gst_pad_add_probe(branch->entry.get(), GST_PAD_PROBE_TYPE_BUFFER, rebaseTimestamps,
        &branch->firstPts, nullptr);

    // Downstream first, then the tee pad (as for peers): no buffer meets an unready branch.
    gst_bin_add(GST_BIN(m_pipeline), branch->bin.get());
    if (!gst_element_sync_state_with_parent(branch->bin.get())) {
        gst_element_set_state(branch->bin.get(), GST_STATE_NULL);
        gst_bin_remove(GST_BIN(m_pipeline), branch->bin.get());
        delete branch;
        QFile::remove(path);
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("cannot record into %1 (directory missing or not writable?)").arg(path));
    }
    branch->teePad = PadRef::adopt(gst_element_request_pad_simple(m_tee.get(), "src_%u"));
    if (!branch->teePad
        || gst_pad_link(branch->teePad.get(), branch->entry.get()) != GST_PAD_LINK_OK) {
        m_branches.insert(recording, branch);
        dispose(recording, Ending::Fail);
        return makeError(ErrorCode::Internal,
            QStringLiteral("cannot tap the programme's audio for %1").arg(recording));
    }
    m_branches.insert(recording, branch);
    qCInfo(lcMedia).noquote() << "recording" << recording << "into" << path;
    return success();
}

Status ProgrammeRecorder::stop(const QString &recording)
{
    Branch *branch = m_branches.value(recording);
    if (!branch || branch->stopping)
        return makeError(ErrorCode::NotFound,
            QStringLiteral("no running recording %1").arg(recording), QStringLiteral("recording"));
    branch->stopping = true;
    detach(branch, Ending::Finish);
    return success();
}

QStringList ProgrammeRecorder::active() const
{
    QStringList ids;
    for (auto it = m_branches.cbegin(); it != m_branches.cend(); ++it) {
        if (!it.value()->stopping)
            ids << it.key();
    }
    ids.sort();
    return ids;
}

void ProgrammeRecorder::detach(Branch *branch, Ending ending)
{
    if (branch->detachRequested.exchange(true))
        return;
    branch->ending = ending;
    // The IDLE probe runs between two buffers of the tee (on its streaming thread, or here at
    // once): the branch is unlinked there, and only then does EOS go into it, so the EOS never
    // passes through the tee (the programme's encoder must not see it).
    gst_pad_add_probe(
        branch->teePad.get(), GST_PAD_PROBE_TYPE_IDLE,
        [](GstPad *pad, GstPadProbeInfo *, gpointer data) -> GstPadProbeReturn {
            auto *branch = static_cast<Branch *>(data);
            if (branch->detached.exchange(true))
                return GST_PAD_PROBE_REMOVE;
            gst_pad_unlink(pad, branch->entry.get());
            if (branch->ending == Ending::Finish && !branch->failed)
                gst_pad_send_event(branch->entry.get(), gst_event_new_eos());
            else
                QMetaObject::invokeMethod(
                    branch->owner.data(),
                    [owner = branch->owner, recording = branch->recording] {
                        if (owner)
                            owner->dispose(recording, Ending::Fail);
                    },
                    Qt::QueuedConnection);
            return GST_PAD_PROBE_REMOVE;
        },
        branch, nullptr);
}

GstPadProbeReturn ProgrammeRecorder::onFileEos(GstPad *, GstPadProbeInfo *info, gpointer data)
{
    if (GST_EVENT_TYPE(GST_PAD_PROBE_INFO_EVENT(info)) != GST_EVENT_EOS)
        return GST_PAD_PROBE_OK;
    auto *branch = static_cast<Branch *>(data);
    // The file sink takes the EOS after this probe; dispose() stops the branch, which waits for
    // that (the pad's stream lock) before the file is closed.
    QMetaObject::invokeMethod(
        branch->owner.data(),
        [owner = branch->owner, recording = branch->recording] {
            if (owner)
                owner->dispose(recording, Ending::Finish);
        },
        Qt::QueuedConnection);
    return GST_PAD_PROBE_OK;
}

void ProgrammeRecorder::dispose(const QString &recording, Ending ending, const Error &error)
{
    Branch *branch = m_branches.take(recording);
    if (!branch)
        return; // disposed already (an error and the EOS both arrived)
    gst_element_set_state(branch->bin.get(), GST_STATE_NULL);
    gst_bin_remove(GST_BIN(m_pipeline), branch->bin.get());
    if (branch->teePad) {
        if (!branch->detached)
            gst_pad_unlink(branch->teePad.get(), branch->entry.get());
        gst_element_release_request_pad(m_tee.get(), branch->teePad.get());
    }
    const QString path = branch->path;
    const bool failed = ending == Ending::Fail || branch->failed;
    delete branch;
    if (failed) {
        // What a failing branch wrote is not a recording anyone can trust.
        (void)support::removeFileDurably(path);
        if (!error.message.isEmpty())
            emit outgoing(SignalMessage::recordError(recording, error));
        return;
    }
    finish(path, recording, false);
}

void ProgrammeRecorder::finish(const QString &partialPath, const QString &recording, bool partial)
{
    const auto fail = [&](const Error &error) {
        qCWarning(lcMedia).noquote() << "recording" << recording << "failed:" << error.message;
        emit outgoing(SignalMessage::recordError(recording, error));
    };
    if (auto synced = support::syncFile(partialPath); !synced)
        return fail(synced.error());
    auto scan = scanOggOpusFile(partialPath);
    if (!scan)
        return fail(scan.error());
    const QString sha256 = support::sha256OfFile(partialPath);
    if (sha256.isEmpty())
        return fail(
            makeError(ErrorCode::Internal, QStringLiteral("cannot read %1").arg(partialPath)));
    const qint64 bytes = QFileInfo(partialPath).size();
    // Like the rest of the data directory: the owner's (the file sink made it 0644).
    QFile::setPermissions(partialPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString target = m_directory + QLatin1Char('/') + sha256 + QStringLiteral(".ogg");
    // Content-addressed: the same bytes stored already are the same file.
    if (QFileInfo::exists(target)) {
        if (auto removed = support::removeFileDurably(partialPath); !removed)
            return fail(removed.error());
    } else if (auto renamed = support::renameDurably(partialPath, target); !renamed) {
        return fail(renamed.error());
    }
    // The name left DIR/partial too: without this a power cut could bring it back there.
    if (auto synced = support::syncDirectory(partialDirectory()); !synced)
        return fail(synced.error());
    qCInfo(lcMedia).noquote() << "recorded" << recording << sha256 << bytes << "bytes"
                              << scan->durationMs() << "ms" << (partial ? "(partial)" : "");
    emit outgoing(SignalMessage::recorded(recording, sha256, bytes, scan->durationMs(), partial,
        partial ? QString::fromLatin1(kSalvagedNote) : QString()));
}

bool ProgrammeRecorder::handleError(const QStringList &elementNames, const Error &error)
{
    // "recording-<id>" (the branch) or "recording-<id>-<part>" (an element in it).
    QString recording;
    for (const QString &name : elementNames) {
        if (name.startsWith(kBranchPrefix))
            recording = name.mid(kBranchPrefix.size()).section(QLatin1Char('-'), 0, 2);
    }
    if (recording.isEmpty())
        return false;
    Branch *branch = m_branches.value(recording);
    // A branch that failed to start was taken down by start() already; its error is ours all
    // the same (never the programme's).
    if (!branch || branch->failed.exchange(true))
        return true;
    qCWarning(lcMedia).noquote() << "recording" << recording << "failed:" << error.message;
    emit outgoing(SignalMessage::recordError(recording, error));
    if (!branch->detachRequested)
        detach(branch, Ending::Fail);
    else if (branch->detached)
        dispose(recording, Ending::Fail); // its EOS may never reach the file now
    // else: the IDLE probe is pending and sees `failed`.
    return true;
}

} // namespace chamber::media

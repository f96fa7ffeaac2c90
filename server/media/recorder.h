// The programme's sound recorded per speech (chamber-media --recordings DIR): a tap on the
// mixed raw audio before its Opus encoder (the programme's tee `programme-audio-raw`), one
// dynamic branch per recording
//
//     tee. ! queue ! audioconvert ! audioresample ! opusenc bitrate=24000 ! oggmux
//           ! filesink DIR/partial/<recording>.ogg
//
// record-stop unlinks the branch from the tee (IDLE probe) and sends EOS into the branch only;
// when the EOS reached the file sink the branch goes, the file is fsync'd, hashed and renamed
// to DIR/<sha256>.ogg (directory fsync'd), and `recorded` goes out. Files left in DIR/partial by
// a crash are salvaged at start (cut to their last whole page) as `recorded` with partial:true.
//
// A failure (disk full, an error inside a branch, a bad id) is a `record-error` for that
// recording and never touches the programme: the branch's entry swallows its flow errors so the
// tee, and with it the programme's audio, never sees them.
#pragma once

#include "media/gstref.h"
#include "media/signaling.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>

namespace chamber::media {

// What a stopped speech is marked with when its file was salvaged after a crash.
inline constexpr char kSalvagedNote[] = "chamber-media stopped during the speech";

class ProgrammeRecorder : public QObject
{
    Q_OBJECT
public:
    // `tee` is the programme's raw audio tee (allow-not-linked), inside `pipeline`.
    ProgrammeRecorder(
        GstElement *pipeline, GstElement *tee, QString directory, QObject *parent = nullptr);
    ~ProgrammeRecorder() override;

    // Creates DIR and DIR/partial (0700, durable) and salvages what a crash left in
    // DIR/partial: one `recorded` (partial) or `record-error` each.
    Status open();

    // record-start / record-stop. Refusals (a bad or running id, an unknown one) change
    // nothing; the caller answers them with record-error.
    Status start(const QString &recording);
    Status stop(const QString &recording);
    QStringList active() const;

    // A bus error: true when it came from a recording branch (that recording fails, with a
    // record-error), false when it is somebody else's.
    bool handleError(const QStringList &elementNames, const chamber::Error &error);

    const QString &directory() const { return m_directory; }
    QString partialDirectory() const;

signals:
    void outgoing(const chamber::media::SignalMessage &message);

private:
    struct Branch;
    enum class Ending { Finish, Fail };

    // Unlinks the branch from the tee in an IDLE probe; with Finish, EOS follows into it.
    void detach(Branch *branch, Ending ending);
    // On the Qt thread, once EOS reached the file (Finish) or at once (Fail).
    void dispose(const QString &recording, Ending ending, const chamber::Error &error = {});
    void finish(const QString &partialPath, const QString &recording, bool partial);
    void salvage(const QString &path);
    static GstPadProbeReturn onFileEos(GstPad *, GstPadProbeInfo *info, gpointer data);

    GstElement *m_pipeline; // not owned: the programme's
    ElementRef m_tee;
    QString m_directory;
    QHash<QString, Branch *> m_branches; // owned
};

} // namespace chamber::media

#include "minutesstate.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace chamber::kiosk {

namespace {

QVariantMap toVariant(const MinutesSpeech &speech)
{
    QVariantList recordings;
    for (const MinutesRecording &r : speech.recordings)
        recordings.append(QVariantMap {{QStringLiteral("id"), r.id},
            {QStringLiteral("segment"), r.segment}, {QStringLiteral("sha256"), r.sha256},
            {QStringLiteral("bytes"), r.bytes}, {QStringLiteral("durationMs"), r.durationMs},
            {QStringLiteral("partial"), r.partial}, {QStringLiteral("note"), r.note}});
    return {{QStringLiteral("speech"), speech.speech}, {QStringLiteral("item"), speech.item},
        {QStringLiteral("name"), speech.name}, {QStringLiteral("seat"), speech.seat},
        {QStringLiteral("start"), speech.start}, {QStringLiteral("end"), speech.end},
        {QStringLiteral("durationMs"), speech.durationMs},
        {QStringLiteral("failures"), speech.failures}, {QStringLiteral("recordings"), recordings}};
}

} // namespace

MinutesState::MinutesState(QObject *parent)
    : QObject(parent)
{
    connect(&m_fetch, &ServerFetch::fetched, this, &MinutesState::onFetched);
    connect(&m_fetch, &ServerFetch::failed, this, &MinutesState::onFailed);
}

void MinutesState::setServer(const DeviceIdentity &identity, const QString &cacheDirectory)
{
    m_fetch.cancelAll();
    m_fetch.setServer(identity);
    m_meeting = identity.meeting;
    m_cache = cacheDirectory;
    m_fetchingRecording.clear();
    m_fetchingPdf = false;
    emit busyChanged();
}

QString MinutesState::recordingFile(const QString &sha256) const
{
    return QDir(m_cache).filePath(QStringLiteral("recordings/%1.ogg").arg(sha256));
}

void MinutesState::refresh()
{
    m_fetch.fetch(QLatin1String(kSummaryKey),
        {QStringLiteral("/api/v1/meetings/%1/minutes.json").arg(m_meeting),
            QDir(m_cache).filePath(QStringLiteral("minutes-%1.json").arg(m_meeting)), {},
            kMaxMinutesSummaryBytes});
    emit busyChanged();
}

void MinutesState::fetchRecording(const QString &sha256)
{
    if (!isRecordingSha256(sha256)) {
        setProblem(tr("That is not a recording of this meeting."));
        return;
    }
    const QString file = recordingFile(sha256);
    // Named by its digest and checked when it came: a cached copy is the recording.
    if (QFileInfo::exists(file)) {
        emit recordingReady(sha256, QUrl::fromLocalFile(file).toString());
        return;
    }
    m_fetchingRecording = sha256;
    emit busyChanged();
    m_fetch.fetch(QStringLiteral("recording:") + sha256,
        {QStringLiteral("/api/v1/meetings/%1/recordings/%2.ogg").arg(m_meeting).arg(sha256), file,
            sha256});
}

void MinutesState::openDraft(const QString &language)
{
    const QString code
        = language == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("vi");
    m_pdfLanguage = code;
    m_fetchingPdf = true;
    emit busyChanged();
    // A file per fetch: the viewer keeps an opened file, so a newer draft needs a new name.
    m_fetch.fetch(QStringLiteral("pdf"),
        {QStringLiteral("/api/v1/meetings/%1/minutes.pdf?lang=%2").arg(m_meeting).arg(code),
            QDir(m_cache).filePath(QStringLiteral("minutes/bien-ban-%1-%2-%3.pdf")
                                       .arg(m_meeting)
                                       .arg(code)
                                       .arg(++m_pdfFetches)),
            {}});
}

void MinutesState::clearProblem()
{
    setProblem({});
}

void MinutesState::setProblem(const QString &problem)
{
    if (m_problem == problem)
        return;
    m_problem = problem;
    emit problemChanged();
}

void MinutesState::onFetched(const QString &key, const QString &file)
{
    if (key == QLatin1String(kSummaryKey)) {
        QFile in(file);
        auto summary = in.open(QIODevice::ReadOnly)
            ? parseMinutesSummary(in.readAll())
            : Result<MinutesSummary>(makeError(ErrorCode::Internal, in.errorString()));
        in.remove();
        if (!summary) {
            setProblem(
                tr("The server's minutes could not be read: %1").arg(summary.error().message));
        } else {
            m_seq = summary->seq;
            m_kind = summary->kind;
            m_speeches.clear();
            for (const MinutesSpeech &speech : summary->speeches)
                m_speeches.append(toVariant(speech));
            setProblem({});
            emit changed();
        }
    } else if (key == QLatin1String("pdf")) {
        m_fetchingPdf = false;
        m_pdfUrl = QUrl::fromLocalFile(file).toString();
        m_pdfTitle = m_pdfLanguage == QLatin1String("en") ? tr("Draft minutes (English)")
                                                          : tr("Draft minutes (Vietnamese)");
        setProblem({});
        emit pdfChanged();
    } else if (key.startsWith(QLatin1String("recording:"))) {
        const QString sha256 = key.mid(10);
        if (m_fetchingRecording == sha256)
            m_fetchingRecording.clear();
        emit recordingReady(sha256, QUrl::fromLocalFile(file).toString());
    }
    emit busyChanged();
}

void MinutesState::onFailed(const QString &key, int status, const QString &problem)
{
    if (key == QLatin1String("pdf"))
        m_fetchingPdf = false;
    else if (key.startsWith(QLatin1String("recording:")) && m_fetchingRecording == key.mid(10))
        m_fetchingRecording.clear();
    if (status == 403)
        setProblem(tr("This console may not read the minutes."));
    else
        setProblem(problem);
    emit busyChanged();
}

} // namespace chamber::kiosk

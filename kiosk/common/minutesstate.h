// The chair console's minutes panel: the meeting's speeches with their recordings, as the
// server's minutes export (GET /api/v1/meetings/{m}/minutes.json, built from the event log like
// the minutes PDF) lists them; a recording played from a cache file fetched with the device's
// credential (and checked against its SHA-256); and the draft minutes PDF fetched in the
// console's language to be read in the document viewer.
#pragma once

#include "minutessummary.h"
#include "serverfetch.h"

#include <QJsonObject>
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace chamber::kiosk {

class MinutesState : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS

    // [{speech, item, name, seat, start, end, durationMs, failures: [..], recordings: [{id,
    // segment, sha256, bytes, durationMs, partial, note}]}], in speaking order.
    Q_PROPERTY(QVariantList speeches READ speeches NOTIFY changed)
    Q_PROPERTY(QString kind READ kind NOTIFY changed)
    Q_PROPERTY(int seq READ seq NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY busyChanged)
    // The sha256 of the recording being fetched; empty: none.
    Q_PROPERTY(QString fetchingRecording READ fetchingRecording NOTIFY busyChanged)
    Q_PROPERTY(bool fetchingPdf READ fetchingPdf NOTIFY busyChanged)
    // The draft minutes last fetched, as a local file url; empty until then.
    Q_PROPERTY(QString pdfUrl READ pdfUrl NOTIFY pdfChanged)
    Q_PROPERTY(QString pdfTitle READ pdfTitle NOTIFY pdfChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged)

public:
    explicit MinutesState(QObject *parent = nullptr);

    // Where to fetch from, and the directory cached recordings and PDFs are kept in.
    void setServer(const DeviceIdentity &identity, const QString &cacheDirectory);

    QVariantList speeches() const { return m_speeches; }
    QString kind() const { return m_kind; }
    int seq() const { return int(m_seq); }
    bool loading() const { return m_fetch.isRunning(QLatin1String(kSummaryKey)); }
    QString fetchingRecording() const { return m_fetchingRecording; }
    bool fetchingPdf() const { return m_fetchingPdf; }
    QString pdfUrl() const { return m_pdfUrl; }
    QString pdfTitle() const { return m_pdfTitle; }
    QString problem() const { return m_problem; }

    // Reads minutes.json again.
    Q_INVOKABLE void refresh();
    // Fetches a recording into the cache (at once when it is there already): recordingReady
    // with its local file url, or problem.
    Q_INVOKABLE void fetchRecording(const QString &sha256);
    // Fetches the minutes PDF as of now in `language` ("vi" or "en"); pdfUrl follows.
    Q_INVOKABLE void openDraft(const QString &language);
    Q_INVOKABLE void clearProblem();

Q_SIGNALS:
    void changed();
    void busyChanged();
    void pdfChanged();
    void problemChanged();
    void recordingReady(const QString &sha256, const QString &fileUrl);

private:
    static constexpr char kSummaryKey[] = "minutes.json";
    void onFetched(const QString &key, const QString &file);
    void onFailed(const QString &key, int status, const QString &problem);
    void setProblem(const QString &problem);
    QString recordingFile(const QString &sha256) const;

    ServerFetch m_fetch;
    qint64 m_meeting = 0;
    QString m_cache;
    QVariantList m_speeches;
    QString m_kind;
    qint64 m_seq = 0;
    QString m_fetchingRecording;
    bool m_fetchingPdf = false;
    int m_pdfFetches = 0;
    QString m_pdfLanguage;
    QString m_pdfUrl;
    QString m_pdfTitle;
    QString m_problem;
};

} // namespace chamber::kiosk

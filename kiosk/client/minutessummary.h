// What the chair console's minutes panel reads from the server's minutes export
// (GET /api/v1/meetings/{m}/minutes.json): the speeches in speaking order, each with its
// recordings and the reasons its recording failed. Parsed into types at the boundary; a
// recording's sha256 names a URL and a cache file, so anything but 64 lower-case hex digits
// refuses the whole answer.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace chamber::kiosk {

constexpr qsizetype kMaxMinutesSummaryBytes = 64LL * 1024 * 1024;

struct MinutesRecording
{
    QString id;
    qint64 speech = 0;
    qint64 segment = 1;
    QString sha256;
    qint64 bytes = 0;
    qint64 durationMs = 0;
    bool partial = false;
    QString note;
};

struct MinutesSpeech
{
    qint64 speech = 0; // seq of the speaker.granted event
    qint64 item = 0;
    QString name;
    QString seat;
    QString start;
    QString end; // empty: still speaking
    qint64 durationMs = 0;
    std::vector<MinutesRecording> recordings;
    QStringList failures; // why a recording of it failed
};

struct MinutesSummary
{
    qint64 seq = 0;
    QString kind; // draft, final
    std::vector<MinutesSpeech> speeches;
};

// Reads what the panel needs from minutes.json; an error names what is wrong with it.
Result<MinutesSummary> parseMinutesSummary(const QByteArray &json);
bool isRecordingSha256(const QString &text);

} // namespace chamber::kiosk

// The minutes of a meeting, made from its event log (issue 16):
//  GET /api/v1/meetings/{meeting}/minutes.pdf?lang=vi|en[&seq=N]  the signed PDF (a draft
//      unless the last event is meeting.ended), drawn by a child `chamberd --render-minutes`
//      and signed here; kept in <data>/minutes/ by (meeting, seq, language): the same log up
//      to the same event gives the same bytes, so a kept file is exactly what a new drawing
//      would give
//  GET /api/v1/meetings/{meeting}/minutes.json                      everything, as JSON
//  GET /api/v1/meetings/{meeting}/minutes/<table>.csv               one table (attendance,
//      speeches, polls, rollcall, conclusions, recordings) as CSV for spreadsheets
//  GET /api/v1/meetings/{meeting}/recordings/{sha256}.ogg           a speech's sound, if this
//      meeting's log lists that recording
#pragma once

#include "api/childrender.h"
#include "api/router.h"
#include "minutes/minutesmodel.h"
#include "minutespdf/minutesidentity.h"

#include <QString>

namespace chamber::services {
class MeetingService;
}

namespace chamber::api {

class MinutesApi
{
public:
    // The largest meeting log the minutes are made from in one request.
    static constexpr qint64 kMaxEvents = 1000000;
    // Minutes of a large meeting (500 delegates, 60 roll calls of 500) take over a minute to
    // lay out on a 2-core machine (tests/bench/bench_minutes); they are drawn once per event
    // and kept, in a child that never blocks the event loop, so they get longer than seat cards.
    static constexpr int kRenderTimeoutMs = 600000;

    // `cacheDir`: <data>/minutes; `recordingsDir`: <data>/recordings (chamber-media's).
    MinutesApi(services::MeetingService &meetings, ChildRenderer &renderer,
        minutespdf::MinutesIdentity identity, QString cacheDir, QString recordingsDir);
    // Creates the cache directory (owner only).
    Status open();
    void registerRoutes(Router &router);

    HttpReply pdf(const RouteContext &context);
    HttpReply json(const RouteContext &context) const;
    HttpReply csv(const RouteContext &context, const QString &table) const;
    HttpReply recording(const RouteContext &context) const;

    // Where the signed PDF of (meeting, seq, language) is kept.
    QString cachePath(qint64 meeting, qint64 seq, minutes::MinutesLanguage language) const;

private:
    // The model of the meeting up to `seq` (0: its last event), from its stored events.
    Result<minutes::MinutesModel> buildModel(qint64 meeting, qint64 seq) const;

    services::MeetingService &m_meetings;
    ChildRenderer &m_renderer;
    minutespdf::MinutesIdentity m_identity;
    QString m_cacheDir;
    QString m_recordingsDir;
};

} // namespace chamber::api

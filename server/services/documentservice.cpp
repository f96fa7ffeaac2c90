#include "services/documentservice.h"

#include "core/uploadcheck.h"
#include "services/meetingservice.h"
#include "services/pdfinspector.h"
#include "storage/documentfiles.h"
#include "support/log.h"

#include <QFileInfo>

namespace chamber::services {

Q_LOGGING_CATEGORY(lcDocuments, "chamber.documents")

namespace {

QString mebibytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

Result<QJsonObject> DocumentService::upload(const Principal &principal, qint64 meetingId,
    qint64 item, const QString &fileName, const QByteArray &content)
{
    if (!principal.isAdmin())
        return makeError(
            ErrorCode::Forbidden, QStringLiteral("only the secretary uploads documents"));
    const core::MeetingState *meeting = m_meetings.meeting(meetingId);
    if (!meeting)
        return meetingNotFound(meetingId);
    if (!meeting->agenda.contains(item))
        return makeError(ErrorCode::NotFound,
            QStringLiteral("agenda item %1 does not exist").arg(item), QStringLiteral("item"));
    auto name = core::checkUploadName(fileName);
    if (!name)
        return name.error();
    if (content.size() > m_options.maxUploadBytes)
        return makeError(ErrorCode::TooLarge,
            QStringLiteral("the file is %1 MiB; the limit is %2 MiB ([documents] max-upload-mib)")
                .arg(mebibytes(content.size()), mebibytes(m_options.maxUploadBytes)));
    auto format = core::detectUploadFormat(content, name.value());
    if (!format)
        return format.error();
    if (format->format == core::UploadFormat::Office)
        return makeError(ErrorCode::Invalid,
            QStringLiteral("%1 files are converted to PDF by LibreOffice, which this server does "
                           "not have; save the document as PDF and upload that")
                .arg(format->source),
            QStringLiteral("content"));

    auto staged = m_files.stage(content);
    if (!staged)
        return staged.error();
    auto pdf = inspectPdf(staged->path);
    if (!pdf) {
        m_files.discard(staged.value());
        log::info(lcDocuments(), QStringLiteral("upload refused"),
            {{QStringLiteral("meeting"), meetingId}, {QStringLiteral("item"), item},
                {QStringLiteral("reason"), pdf.error().message}});
        return pdf.error();
    }
    if (const core::Document *existing = meeting->documents.findOnItem(item, staged->sha256)) {
        m_files.discard(staged.value());
        return QJsonObject {
            {QStringLiteral("document"), existing->toJson()}, {QStringLiteral("created"), false}};
    }
    // The file is on disk before the event that names it.
    if (auto committed = m_files.commit(staged.value()); !committed)
        return committed.error();
    core::Document document;
    document.id = meeting->documents.nextId();
    document.item = item;
    document.sha256 = staged->sha256;
    document.name = name.value();
    document.title = pdf->title.isEmpty() ? QFileInfo(name.value()).completeBaseName() : pdf->title;
    document.pages = pdf->pages;
    document.bytes = content.size();
    document.source = format->source;
    QJsonObject data = document.toJson();
    data.remove(QStringLiteral("addedAt"));
    data.remove(QStringLiteral("removed"));
    auto appended = m_meetings.appendEvents(
        meetingId, principal.id, {core::EventDraft {QStringLiteral("document.added"), data}});
    if (!appended)
        return appended.error();
    const core::Document *added = m_meetings.meeting(meetingId)->documents.find(document.id);
    log::info(lcDocuments(), QStringLiteral("document added"),
        {{QStringLiteral("meeting"), meetingId}, {QStringLiteral("document"), document.id},
            {QStringLiteral("sha256"), document.sha256}, {QStringLiteral("pages"), document.pages},
            {QStringLiteral("bytes"), document.bytes}});
    return QJsonObject {
        {QStringLiteral("document"), added->toJson()}, {QStringLiteral("created"), true}};
}

bool DocumentService::mayRead(const Principal &principal, const QString &sha256) const
{
    if (principal.isAdmin())
        return m_files.contains(sha256);
    const core::MeetingState *meeting = m_meetings.meeting(principal.meeting);
    return meeting && meeting->documents.hasContent(sha256);
}

} // namespace chamber::services

#include "services/documentservice.h"

#include "core/officearchive.h"
#include "core/uploadcheck.h"
#include "protocol/text.h"
#include "services/meetingservice.h"
#include "services/officeconverter.h"
#include "services/pdfinspector.h"
#include "storage/documentfiles.h"
#include "support/log.h"

#include <QCryptographicHash>

namespace chamber::services {

Q_LOGGING_CATEGORY(lcDocuments, "chamber.documents")

namespace {

QString mebibytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

Status DocumentService::checkTarget(const Principal &principal, qint64 meetingId, qint64 item) const
{
    if (!principal.spansMeetings())
        return makeError(
            ErrorCode::Forbidden, QStringLiteral("only the secretary uploads documents"));
    const core::MeetingState *meeting = m_meetings.meeting(meetingId);
    if (!meeting)
        return meetingNotFound(meetingId);
    if (!meeting->agenda.contains(item))
        return makeError(ErrorCode::NotFound,
            QStringLiteral("agenda item %1 does not exist").arg(item), QStringLiteral("item"));
    return success();
}

void DocumentService::upload(const Principal &principal, qint64 meetingId, qint64 item,
    const QByteArray &fileName, const QByteArray &content, UploadDone done)
{
    if (auto target = checkTarget(principal, meetingId, item); !target)
        return done(target.error());
    auto name = core::checkUploadNameBytes(fileName);
    if (!name)
        return done(name.error());
    if (content.size() > m_options.maxUploadBytes)
        return done(makeError(ErrorCode::TooLarge,
            QStringLiteral("the file is %1 MiB; the limit is %2 MiB ([documents] max-upload-mib)")
                .arg(mebibytes(content.size()), mebibytes(m_options.maxUploadBytes))));
    auto format = core::detectUploadFormat(content, name.value());
    if (!format)
        return done(format.error());
    if (format->format == core::UploadFormat::Pdf)
        return done(store(principal, meetingId, item, name.value(), content, format->source, {}));

    const QString sourceSha256 = QString::fromLatin1(
        QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    const core::MeetingState *meeting = m_meetings.meeting(meetingId);
    if (const core::Document *existing = meeting->documents.findConvertedOnItem(item, sourceSha256))
        return done(QJsonObject {
            {QStringLiteral("document"), existing->toJson()}, {QStringLiteral("created"), false}});
    if (!m_converter)
        return done(makeError(ErrorCode::Invalid,
            QStringLiteral("%1 files are converted to PDF by LibreOffice, which this server does "
                           "not use; save the document as PDF and upload that")
                .arg(format->source),
            QStringLiteral("content")));
    const QString source = format->source;
    // What it unpacks to, before LibreOffice sees it.
    if (auto archive = core::checkOfficeArchive(content, source, m_converter->options().archive);
        !archive) {
        log::info(lcDocuments(), QStringLiteral("upload refused"),
            {{QStringLiteral("meeting"), meetingId}, {QStringLiteral("item"), item},
                {QStringLiteral("source"), source},
                {QStringLiteral("reason"), archive.error().message}});
        return done(archive.error());
    }
    const QString shownName = name.value();
    auto queued = m_converter->convert(content, source, principal.id,
        [this, principal, meetingId, item, shownName, source, sourceSha256, done](
            Result<QByteArray> pdf) {
            if (!pdf) {
                log::info(lcDocuments(), QStringLiteral("upload refused"),
                    {{QStringLiteral("meeting"), meetingId}, {QStringLiteral("item"), item},
                        {QStringLiteral("source"), source},
                        {QStringLiteral("reason"), pdf.error().message}});
                return done(pdf.error());
            }
            if (auto target = checkTarget(principal, meetingId, item); !target)
                return done(target.error());
            auto stored
                = store(principal, meetingId, item, shownName, pdf.value(), source, sourceSha256);
            if (!stored && stored.error().field == QLatin1String("content"))
                return done(makeError(stored.error().code,
                    QStringLiteral("the PDF LibreOffice made of the .%1 file is refused: %2")
                        .arg(source, stored.error().message),
                    stored.error().field));
            done(std::move(stored));
        });
    if (!queued)
        done(queued.error());
}

Result<StoredAttachment> DocumentService::storeAttachment(
    const QByteArray &fileName, const QByteArray &content)
{
    auto name = core::checkUploadNameBytes(fileName);
    if (!name)
        return name.error();
    if (content.size() > m_options.maxUploadBytes)
        return makeError(ErrorCode::TooLarge,
            QStringLiteral("the file is %1 MiB; the limit is %2 MiB ([documents] max-upload-mib)")
                .arg(mebibytes(content.size()), mebibytes(m_options.maxUploadBytes)));
    auto format = core::detectUploadFormat(content, name.value());
    if (!format)
        return format.error();
    if (format->format != core::UploadFormat::Pdf)
        return makeError(ErrorCode::Invalid,
            QStringLiteral("a task's attachment must be a PDF; convert the %1 file first")
                .arg(format->source),
            QStringLiteral("content"));
    auto staged = m_files.stage(content);
    if (!staged)
        return staged.error();
    auto pdf = inspectPdf(staged->path);
    if (!pdf) {
        m_files.discard(staged.value());
        log::info(lcDocuments(), QStringLiteral("attachment refused"),
            {{QStringLiteral("reason"), pdf.error().message}});
        return pdf.error();
    }
    if (auto committed = m_files.commit(staged.value()); !committed)
        return committed.error();
    return StoredAttachment {staged->sha256, name.value(), content.size(), pdf->pages};
}

Result<QJsonObject> DocumentService::store(const Principal &principal, qint64 meetingId,
    qint64 item, const QString &name, const QByteArray &content, const QString &source,
    const QString &sourceSha256)
{
    const core::MeetingState *meeting = m_meetings.meeting(meetingId);
    // Two identical office uploads converted one after the other: the second finds the first.
    if (!sourceSha256.isEmpty()) {
        if (const core::Document *existing
            = meeting->documents.findConvertedOnItem(item, sourceSha256))
            return QJsonObject {{QStringLiteral("document"), existing->toJson()},
                {QStringLiteral("created"), false}};
    }
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
    document.name = name;
    // A metadata title is outside data like the name: one with invisible or bidi characters
    // is not shown; the name (already checked) is.
    const bool metadataTitleFit = !pdf->title.isEmpty() && !protocol::labelProblem(pdf->title);
    document.title
        = metadataTitleFit ? protocol::normalizedLabel(pdf->title) : core::titleFromName(name);
    document.pages = pdf->pages;
    document.bytes = content.size();
    document.source = source;
    document.sourceSha256 = sourceSha256;
    QJsonObject data = document.toJson();
    data.remove(QStringLiteral("addedAt"));
    data.remove(QStringLiteral("fileName")); // derived from the name, never stored
    data.remove(QStringLiteral("removed"));
    auto appended = m_meetings.appendEvents(
        meetingId, principal.id, {core::EventDraft {QStringLiteral("document.added"), data}});
    if (!appended)
        return appended.error();
    const core::Document *added = m_meetings.meeting(meetingId)->documents.find(document.id);
    log::info(lcDocuments(), QStringLiteral("document added"),
        {{QStringLiteral("meeting"), meetingId}, {QStringLiteral("document"), document.id},
            {QStringLiteral("sha256"), document.sha256}, {QStringLiteral("pages"), document.pages},
            {QStringLiteral("bytes"), document.bytes}, {QStringLiteral("source"), source}});
    return QJsonObject {
        {QStringLiteral("document"), added->toJson()}, {QStringLiteral("created"), true}};
}

bool DocumentService::mayRead(const Principal &principal, const QString &sha256) const
{
    if (principal.spansMeetings())
        return m_files.contains(sha256);
    const core::MeetingState *meeting = m_meetings.meeting(principal.meeting);
    return meeting && meeting->documents.hasContent(sha256);
}

QString DocumentService::downloadName(const Principal &principal, const QString &sha256) const
{
    const auto named = [&](const core::MeetingState *meeting) -> const core::Document * {
        if (!meeting)
            return nullptr;
        for (const auto &[id, document] : meeting->documents.all()) {
            if (document.sha256 == sha256 && !document.removed)
                return &document;
        }
        return nullptr;
    };
    const core::Document *document = nullptr;
    if (principal.isAdmin()) {
        for (const core::MeetingState *meeting : m_meetings.meetings()) {
            if ((document = named(meeting)))
                break;
        }
    } else {
        document = named(m_meetings.meeting(principal.meeting));
    }
    return document ? document->fileName() : sha256 + QStringLiteral(".pdf");
}

} // namespace chamber::services
